// Code review integration, run locally with the built binary (`npm run build` first) and no network:
// the GitHub Action's scripts (action.yml) executed with bash, with the inputs set as env and `npx`
// replaced by a stand-in that runs bin/stageify.js; the pre-commit hook (.pre-commit-hooks.yaml)
// executed against the files staged in a temp git repo, selected by its own `files`/`exclude` patterns.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, ROOT, cleanEnv, git, makeTree, removeTree, run } from './helpers';
import type { Tree } from './helpers';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const ACTION = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
const HOOKS = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Tree): string {
  const root = makeTree(t, 'stageify-review-');
  roots.push(root);
  return root;
}

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const MULTI = 'FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD ["/app"]\n';
const svc = (dir: string, dockerfile = GO, name = 'Dockerfile'): Tree => ({
  [`${dir}/${name}`]: dockerfile, [`${dir}/main.go`]: 'package main\n\nfunc main() {}\n', [`${dir}/go.mod`]: 'module example.com/x\n\ngo 1.22\n',
});

/** The `run: |` blocks of a YAML file, in order, dedented (enough YAML for our own action.yml). */
function runBlocks(yaml: string): string[] {
  const lines = yaml.split('\n');
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- )?run: \|\s*$/.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    let indent: number | undefined;
    for (i++; i < lines.length; i++) {
      const l = lines[i];
      const ind = l.length - l.trimStart().length;
      if (l.trim() !== '' && ind <= m[1].length) { i--; break; }
      indent ??= l.trim() ? ind : undefined;
      body.push(l.slice(indent ?? 0));
    }
    blocks.push(body.join('\n').trimEnd() + '\n');
  }
  return blocks;
}

/** A stand-in `npx` that checks how it is called and runs the built CLI instead of downloading. */
function fakeNpx(dir: string): string {
  const bin = path.join(dir, 'fakebin');
  fs.mkdirSync(bin, { recursive: true });
  const script = `#!/usr/bin/env bash
set -eu
echo "$*" >>"${path.join(dir, 'npx-calls.log')}"
[ "$1" = "--yes" ] || { echo "npx: expected --yes first" >&2; exit 99; }
[ "$2" = "stageify@${VERSION}" ] || { echo "npx: expected stageify@${VERSION}, got $2" >&2; exit 99; }
shift 2
exec "${process.execPath}" "${BIN}" "$@"
`;
  fs.writeFileSync(path.join(bin, 'npx'), script, { mode: 0o755 });
  return bin;
}

interface ActionRun { code: number | null; stdout: string; stderr: string; summary: string; outputs: Record<string, string>; env: Record<string, string> }

function runAction(repo: string, inputs: { paths?: string; args?: string }): ActionRun {
  const [check] = runBlocks(ACTION);
  const temp = fs.mkdtempSync(path.join(repo, '..', path.basename(repo) + '-runner-'));
  roots.push(temp);
  const files = { summary: path.join(temp, 'summary.md'), output: path.join(temp, 'output'), env: path.join(temp, 'env') };
  const env = cleanEnv({
    PATH: `${fakeNpx(temp)}:${process.env.PATH}`,
    STAGEIFY_PATHS: inputs.paths ?? '.',
    STAGEIFY_ARGS: inputs.args ?? '',
    RUNNER_TEMP: temp,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_ACTIONS: 'true',
  });
  const r = spawnSync('bash', ['-e', '-c', check], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
  const kv = (file: string) => Object.fromEntries(
    (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return {
    code: r.status, stdout: r.stdout, stderr: r.stderr,
    summary: fs.existsSync(files.summary) ? fs.readFileSync(files.summary, 'utf8') : '',
    outputs: kv(files.output), env: kv(files.env),
  };
}

describe('action.yml (composite GitHub Action)', () => {
  it('declares the inputs and runs the pinned package with --check --format github', () => {
    expect(ACTION).toMatch(/^runs:\n {2}using: composite$/m);
    expect(ACTION).toMatch(/^ {2}paths:\n(?: {4}.*\n)*? {4}default: \.$/m);
    expect(ACTION).toMatch(/^ {2}args:\n/m);
    expect(ACTION).toContain(`npx --yes stageify@${VERSION}`);
    expect(ACTION).toMatch(/--check --format github \$STAGEIFY_PATHS \$STAGEIFY_ARGS/);
    // Inputs reach the script as env, never spliced into it.
    expect(runBlocks(ACTION).join('\n')).not.toContain('${{');
  });

  it('annotates, writes the report to the job summary and the patch as an artifact, and fails the job on changes', () => {
    const repo = tree({ ...svc('services/api'), ...svc('services/done', MULTI), 'README.md': '# repo\n' });
    git(repo, ['init', '-q']);
    const r = runAction(repo, {});
    expect(r.stderr).not.toMatch(/npx: expected/);
    expect(r.code).toBe(0); // the check step records the code; the last step fails the job
    expect(r.stdout).toMatch(/^::notice file=services\/api\/Dockerfile,title=stageify::can be rewritten as a multi-stage build/m);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.env.STAGEIFY_EXIT_CODE).toBe('1');
    expect(r.summary).toContain('## stageify report');
    expect(r.summary).toContain('| 2 | 1 | 0 | 1 | 0 |');
    expect(r.summary).toContain('git apply stageify.patch');
    expect(fs.readFileSync(r.outputs.report, 'utf8')).toBe(r.summary.slice(0, r.summary.indexOf('\nApply the proposed')));
    const patch = r.outputs.patch;
    expect(fs.readFileSync(patch, 'utf8')).toMatch(/^--- a\/services\/api\/Dockerfile\n/);
    expect(git(repo, ['apply', '--check', patch]).code).toBe(0);
    expect(fs.readFileSync(path.join(repo, 'services/api/Dockerfile'), 'utf8')).toBe(GO); // dry run

    const last = runBlocks(ACTION).slice(-1)[0];
    const fail = spawnSync('bash', ['-c', last], { env: { ...cleanEnv(), ...r.env }, encoding: 'utf8' });
    expect(fail.status).toBe(1);
  });

  it('passes on a clean repo; paths are split on spaces and globs go to stageify unexpanded; args are passed on', () => {
    const repo = tree({ ...svc('services/a', MULTI), ...svc('services/b'), ...svc('other/c') });
    git(repo, ['init', '-q']);
    const clean = runAction(repo, { paths: 'services/a other/nothing-here/*' });
    // A pattern that matches nothing is an error (exit 2), like on the command line.
    expect(clean.outputs['exit-code']).toBe('2');
    expect(clean.stdout).toContain('::error file=other/nothing-here/*,title=input/no-match::');

    const ok = runAction(repo, { paths: 'services/a' });
    expect(ok.outputs['exit-code']).toBe('0');
    expect(ok.stdout).not.toContain('::notice');
    const last = runBlocks(ACTION).slice(-1)[0];
    expect(spawnSync('bash', ['-c', last], { env: { ...cleanEnv(), ...ok.env } }).status).toBe(0);

    const globbed = runAction(repo, { paths: 'services/*/Dockerfile', args: '--runtime alpine --explain' });
    expect(globbed.outputs['exit-code']).toBe('1');
    expect(globbed.stdout).toMatch(/^::notice file=services\/b\/Dockerfile,title=stageify::.*-> alpine/m);
    expect(globbed.stdout).not.toContain('other/c');
    expect(globbed.stdout).toMatch(/^::notice file=services\/b\/Dockerfile,title=runtime\/base::/m); // --explain
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const field = (name: string) => new RegExp(`^ {2}${name}: (.*)$`, 'm').exec(HOOKS)?.[1];

  it('declares the stageify hook', () => {
    expect(HOOKS).toMatch(/^- id: stageify$/m);
    expect(field('entry')).toBe('stageify --check');
    expect(field('language')).toBe('node');
    expect(field('files')).toBe('(^|/)(Dockerfile|Containerfile)(\\..*)?$|\\.Dockerfile$');
  });

  it('runs its entry on the staged Dockerfiles it selects: fails on a single-stage file, passes once rewritten', () => {
    const files = new RegExp(field('files')!);
    const exclude = new RegExp(field('exclude') ?? '(?!)');
    const repo = tree({
      ...svc('svc/api'),
      ...svc('svc/done', MULTI, 'Dockerfile.prod'),
      'svc/api/Dockerfile.dockerignore': 'tmp\n',
      'web.Dockerfile': MULTI,
      'Containerfile': MULTI,
      'docs/Dockerfile-notes.txt': 'not a Dockerfile\n',
      'README.md': '# x\n',
    });
    git(repo, ['init', '-q']);
    expect(git(repo, ['add', '-A']).code).toBe(0);
    const staged = git(repo, ['diff', '--cached', '--name-only']).out.split('\n').filter(Boolean);
    // pre-commit: re.search on each staged path, `exclude` wins.
    const selected = staged.filter((f) => files.test(f) && !exclude.test(f));
    expect(selected).toEqual(['Containerfile', 'svc/api/Dockerfile', 'svc/done/Dockerfile.prod', 'web.Dockerfile']);

    const entry = field('entry')!.split(' ');
    expect(entry[0]).toBe('stageify');
    const hook = () => run([...entry.slice(1), ...selected], { cwd: repo });
    const before = hook();
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('--- a/svc/api/Dockerfile');

    expect(run(['--write', 'svc/api/Dockerfile'], { cwd: repo }).code).toBe(0);
    git(repo, ['add', '-A']);
    expect(hook()).toMatchObject({ code: 0, stdout: '' });
  });
});
