// Config files and custom transforms through the real built binary (`npm run build` first).
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, removeTree, run } from './helpers';
import type { Tree } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Tree): string {
  const root = makeTree(t);
  roots.push(root);
  return root;
}

interface Report { summary: Record<string, number>; files: { path: string; status: string; baseAfter: string | null; messages: { id: string }[] }[] }
const json = (s: string) => JSON.parse(s) as Report;
const byPath = (r: Report) => Object.fromEntries(r.files.map((f) => [f.path, f]));

/** A Go service the engine rewrites. */
const GO_DOCKERFILE = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const MAIN_GO = 'package main\n\nfunc main() {}\n';
const GO_MOD = 'module example.com/x\n\ngo 1.22\n';
const svc = (dir: string): Tree => ({ [`${dir}/Dockerfile`]: GO_DOCKERFILE, [`${dir}/main.go`]: MAIN_GO, [`${dir}/go.mod`]: GO_MOD });

const MONOREPO: Tree = { ...svc('services/api'), ...svc('services/legacy/billing'), ...svc('tools/gen') };

describe('config file', () => {
  it('defaults < config < matching overrides (later win) < flags', () => {
    const root = tree({
      ...MONOREPO,
      'stageify.config.json': JSON.stringify({
        runtime: 'alpine',
        overrides: [
          { files: ['services/**'], runtime: 'scratch' },
          { files: ['services/legacy/**'], runtime: 'debian', user: 'root' },
        ],
      }),
    });
    const r = run(['--format', 'json'], { cwd: root });
    expect(r.code).toBe(0);
    const files = byPath(json(r.stdout));
    expect(files['tools/gen/Dockerfile'].baseAfter).toMatch(/^alpine/);
    expect(files['services/api/Dockerfile'].baseAfter).toBe('scratch');
    expect(files['services/legacy/billing/Dockerfile'].baseAfter).toMatch(/^debian/);
    expect(files['services/legacy/billing/Dockerfile'].messages.map((m) => m.id)).not.toContain('runtime/nonroot-user');
    expect(files['services/api/Dockerfile'].messages.map((m) => m.id)).toContain('runtime/nonroot-user');

    const flagged = byPath(json(run(['--format', 'json', '--runtime', 'distroless'], { cwd: root }).stdout));
    for (const f of Object.values(flagged)) expect(f.baseAfter).toMatch(/distroless/);
  });

  it('is searched from the working folder up; overrides match paths relative to the config folder', () => {
    const root = tree({
      ...MONOREPO,
      '.stageifyrc': JSON.stringify({ overrides: [{ files: ['services/legacy/**'], runtime: 'alpine' }] }),
    });
    const r = run(['--format', 'json', '.'], { cwd: path.join(root, 'services') });
    const files = byPath(json(r.stdout));
    expect(files['legacy/billing/Dockerfile'].baseAfter).toMatch(/^alpine/);
    expect(files['api/Dockerfile'].baseAfter).not.toMatch(/^alpine/);
  });

  it('reads package.json#stageify and .stageifyrc.json; --config names one; --no-config skips it', () => {
    const root = tree({
      ...svc('a'),
      'package.json': JSON.stringify({ name: 'mono', stageify: { runtime: 'alpine' } }),
      'ci/stageify.json': JSON.stringify({ runtime: 'scratch' }),
    });
    const base = (args: string[]) => json(run(['--format', 'json', ...args], { cwd: root }).stdout).files[0].baseAfter;
    expect(base([])).toMatch(/^alpine/);
    expect(base(['--config', 'ci/stageify.json'])).toBe('scratch');
    expect(base(['--no-config'])).toMatch(/distroless/);
    fs.writeFileSync(path.join(root, '.stageifyrc.json'), JSON.stringify({ runtime: 'chainguard' }));
    // package.json comes first in the search order, as with every lilconfig/cosmiconfig tool.
    expect(base([])).toMatch(/^alpine/);
  });

  it('declares build contexts: `docker build -f svc/a/Dockerfile .`', () => {
    // The repo root holds a cgo program; the service folder holds only its Dockerfile.
    const cgo = 'package main\n\n// #include <stdio.h>\nimport "C"\n\nfunc main() {}\n';
    const files: Tree = { 'go.mod': GO_MOD, 'main.go': cgo, 'svc/a/Dockerfile': GO_DOCKERFILE, 'svc/b/Dockerfile': GO_DOCKERFILE };
    const ids = (root: string, args: string[] = []) =>
      Object.fromEntries(json(run(['--format', 'json', ...args], { cwd: root }).stdout).files.map((f) => [f.path, f.messages.map((m) => m.id)]));

    const without = ids(tree(files));
    expect(without['svc/a/Dockerfile']).toContain('go/cgo-disabled');

    const root = tree({ ...files, 'stageify.config.json': JSON.stringify({ overrides: [{ files: ['svc/a/**'], context: '.' }] }) });
    const withCtx = ids(root);
    expect(withCtx['svc/a/Dockerfile']).toContain('go/cgo-kept');
    expect(withCtx['svc/b/Dockerfile']).toContain('go/cgo-disabled');
    // --context (relative to the working folder) wins over the config.
    expect(ids(root, ['--context', 'svc/b'])['svc/a/Dockerfile']).toContain('go/cgo-disabled');
  });

  it('passes registryMirror to the runtime image', () => {
    const root = tree({ ...svc('a'), 'stageify.config.json': JSON.stringify({ registryMirror: 'mirror.internal/hub', runtime: 'alpine' }) });
    expect(json(run(['--format', 'json'], { cwd: root }).stdout).files[0].baseAfter).toMatch(/^mirror\.internal\/hub\/alpine/);
  });

  it.each([
    [{ user: 'admin' }, 'config stageify.config.json: user: must be "nonroot" or "root", got "admin"'],
    [{ runtimes: 'alpine' }, 'config stageify.config.json: runtimes: unknown key'],
    [{ overrides: [{ files: ['a/**'], runtime: 3 }] }, 'config stageify.config.json: overrides[0].runtime: must be a non-empty string, got 3'],
    [{ transforms: ['go', 'cobol'] }, 'config stageify.config.json: transforms[1]: unknown transform "cobol"'],
    ['{ "runtime": ', 'config stageify.config.json: not valid JSON'],
  ])('invalid config %j: one line naming file and key, exit 2, nothing planned or written', (config, message) => {
    const root = tree({ ...svc('a'), 'stageify.config.json': typeof config === 'string' ? config : JSON.stringify(config) });
    const r = run(['--write', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`stageify: error: ${message}`);
    expect(fs.readFileSync(path.join(root, 'a/Dockerfile'), 'utf8')).toBe(GO_DOCKERFILE);
  });

  it('--config that does not exist is an error', () => {
    const root = tree(svc('a'));
    const r = run(['--config', 'nope.json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stageify: error: config nope.json: file not found\n');
  });

  it('applies to stdin through --stdin-filepath', () => {
    const root = tree({ 'stageify.config.json': JSON.stringify({ overrides: [{ files: ['legacy/**'], runtime: 'alpine' }] }) });
    const r = run(['-', '--stdin-filepath', 'legacy/Dockerfile', '--format', 'json'], { cwd: root, input: GO_DOCKERFILE });
    expect(json(r.stdout).files[0].baseAfter).toMatch(/^alpine/);
  });
});

// A transform that splits golang files its own way, so its output is easy to recognise.
const GOOD_TRANSFORM = `
module.exports = {
  id: 'acme-go',
  matches: (base) => base.name === 'golang',
  gather: (ctx) => ({ files: ctx.listFiles().files.length }),
  plan: (input, facts) => ({
    kind: 'rewrite',
    edits: [{ start: input.file.text.length, end: input.file.text.length, text: '\\nFROM scratch\\nCOPY --from=0 /app /app\\nENTRYPOINT ["/app"]\\n' }],
    messages: [{ id: 'acme/split', severity: 'info', text: 'split the acme way (' + facts.files + ' context files)' }],
    baseAfter: 'scratch',
  }),
};
`;

describe('custom transforms', () => {
  it('--transform PATH is loaded and tried before the built-in transforms', () => {
    const root = tree({ ...svc('a'), 'tools/acme.js': GOOD_TRANSFORM });
    const r = run(['--transform', 'tools/acme.js', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(0);
    const f = json(r.stdout).files[0];
    expect(f).toMatchObject({ status: 'changed', baseAfter: 'scratch' });
    expect(f.messages.map((m) => m.id)).toEqual(['acme/split']);
  });

  it('config transformModules resolve against the config folder and stay on when `transforms` lists ids', () => {
    const root = tree({
      ...svc('svc/a'),
      'tools/acme.js': GOOD_TRANSFORM,
      'stageify.config.json': JSON.stringify({ transformModules: ['tools/acme.js'], transforms: ['go'] }),
    });
    const r = run(['--format', 'json', '.'], { cwd: path.join(root, 'svc') });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files[0].messages.map((m) => m.id)).toEqual(['acme/split']);
  });

  it.each([
    ['a module that is not a transform', 'module.exports = { id: "half", matches() { return true; } };', /does not export a transform: "gather" must be a function/],
    ['a module that throws', 'throw new Error("kaboom");', /cannot load transform module .*: kaboom/],
    ['a module exporting a string', 'module.exports = "go";', /does not export a transform: it exports "go"/],
  ])('%s: one clear line, exit 2, nothing planned', (_name, source, message) => {
    const root = tree({ ...svc('a'), 'bad.js': source });
    const r = run(['--transform', 'bad.js', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^stageify: error: --transform bad\.js: /);
    expect(r.stderr).toMatch(message);
  });

  it('never loads a bare name from node_modules, nor anything from the Dockerfile folder implicitly', () => {
    const root = tree({
      ...svc('a'),
      'node_modules/acme/index.js': GOOD_TRANSFORM,
      'node_modules/acme/package.json': '{ "name": "acme", "main": "index.js" }',
      'a/stageify-transform.js': GOOD_TRANSFORM,
    });
    const r = run(['--transform', 'acme'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--transform acme: transform module not found');
    const plain = json(run(['--format', 'json'], { cwd: root }).stdout).files[0];
    expect(plain.messages.map((m) => m.id)).not.toContain('acme/split');
  });

  it('a transform that throws while planning fails that file only', () => {
    const throwing = 'module.exports = { id: "t", matches: (b) => b.name === "golang", gather: () => ({}), plan() { throw new Error("bug in t"); } };';
    const root = tree({ ...svc('a'), ...svc('b'), 't.js': throwing });
    const r = run(['--transform', 't.js', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(json(r.stdout).files.map((f) => f.status)).toEqual(['error', 'error']);
    expect(r.stderr).toContain('a/Dockerfile: error: internal error: bug in t (internal/error)');
  });
});
