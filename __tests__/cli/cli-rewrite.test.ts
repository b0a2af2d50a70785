// NEEDS THE ENGINE: these run the real binary on a Go ONBUILD project (`FROM golang:1.6.3-onbuild` + main.go)
// and expect status 'changed'. They fail while src/index.ts is the 'unchanged' stub, and pass once the
// Go/ONBUILD rewrite lands. They assert CLI behaviour only, never the exact rewritten text.
import * as fs from 'fs';
import * as path from 'path';
import { GO_ONBUILD, git, makeTree, removeTree, run } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Parameters<typeof makeTree>[0]): string {
  const root = makeTree(t);
  roots.push(root);
  return root;
}
const ORIGINAL = GO_ONBUILD['Dockerfile'] as string;
const read = (root: string, rel = 'Dockerfile') => fs.readFileSync(path.join(root, rel), 'utf8');

describe('[needs engine] a Go ONBUILD Dockerfile', () => {
  it('dry run: a git-style diff on stdout, the summary on stderr, exit 0, file untouched', () => {
    const root = tree(GO_ONBUILD);
    const r = run([], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1(,\d+)? \+1(,\d+)? @@\n/);
    expect(r.stdout).toContain('-FROM golang:1.6.3-onbuild\n');
    expect(r.stdout).not.toMatch(/^(Index:|===)/m);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).toMatch(/^0?1 changed, 0 unchanged, 0 skipped, 0 errors \(1 file in \d+ ms\)$/m);
    expect(read(root)).toBe(ORIGINAL);
  });

  it('--check exits 1, and 2 when a file also errored', () => {
    const root = tree(GO_ONBUILD);
    expect(run(['--check'], { cwd: root }).code).toBe(1);
    expect(run(['--check', '.', 'missing'], { cwd: root }).code).toBe(2);
    expect(read(root)).toBe(ORIGINAL);
  });

  it('-l prints only the paths that would change, sorted', () => {
    const root = tree({ ...prefixed('b', GO_ONBUILD), ...prefixed('a', GO_ONBUILD) });
    expect(run(['-l'], { cwd: root })).toMatchObject({ code: 0, stdout: 'a/Dockerfile\nb/Dockerfile\n' });
  });

  it('--format json: status changed with base before/after and explained messages', () => {
    const root = tree(GO_ONBUILD);
    const r = run(['--format', 'json'], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ files: 1, changed: 1, unchanged: 0, skipped: 0, errors: 0 });
    expect(report.files[0]).toMatchObject({ path: 'Dockerfile', status: 'changed', baseBefore: 'golang:1.6.3-onbuild' });
    expect(typeof report.files[0].baseAfter).toBe('string');
    expect(report.files[0].messages.length).toBeGreaterThan(0);
    for (const m of report.files[0].messages) {
      expect(Object.keys(m)).toEqual(['id', 'severity', 'text', 'line']);
      expect(m.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(['info', 'warning', 'error']).toContain(m.severity);
      expect(m.line === null || Number.isInteger(m.line)).toBe(true);
    }
  });

  it('--explain lists every message as `path:line  id  text` on stderr', () => {
    const root = tree(GO_ONBUILD);
    const r = run(['--explain'], { cwd: root });
    expect(r.stderr).toMatch(/^Dockerfile(:\d+)?  [a-z0-9-]+\/[a-z0-9-]+  \S/m);
  });

  it('--write applies atomically, keeps the mode, and a second run changes nothing', () => {
    const root = tree(GO_ONBUILD);
    fs.chmodSync(path.join(root, 'Dockerfile'), 0o640);
    const dry = run(['--format', 'json'], { cwd: root });
    const w = run(['--write'], { cwd: root });
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    const written = read(root);
    expect(written).not.toBe(ORIGINAL);
    expect(written).toMatch(/^FROM .* AS \S+$/m);
    expect(fs.statSync(path.join(root, 'Dockerfile')).mode & 0o7777).toBe(0o640);
    expect(fs.readdirSync(root).sort()).toEqual(['Dockerfile', 'main.go']); // no temp file left
    expect(JSON.parse(dry.stdout).files[0].status).toBe('changed');

    const st = fs.statSync(path.join(root, 'Dockerfile'));
    expect(run(['--check'], { cwd: root }).code).toBe(0);
    expect(run(['--write'], { cwd: root }).code).toBe(0);
    const again = fs.statSync(path.join(root, 'Dockerfile'));
    expect([again.ino, again.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });

  it('--write -l prints the written paths', () => {
    const root = tree(GO_ONBUILD);
    expect(run(['--write', '-l'], { cwd: root })).toMatchObject({ code: 0, stdout: 'Dockerfile\n' });
  });

  it('the dry-run diff and --patch-file are accepted by git apply and give what --write writes', () => {
    const root = tree({ ...prefixed('svc/a', GO_ONBUILD), ...prefixed('svc/b', GO_ONBUILD) });
    const copy = tree({ ...prefixed('svc/a', GO_ONBUILD), ...prefixed('svc/b', GO_ONBUILD) });
    const dry = run(['--patch-file', 'all.patch'], { cwd: root });
    expect(dry.code).toBe(0);
    const patch = read(root, 'all.patch');
    expect(patch).toBe(dry.stdout);
    expect(patch).toContain('--- a/svc/a/Dockerfile\n');
    expect(patch).toContain('--- a/svc/b/Dockerfile\n');

    expect(git(copy, ['init', '-q']).code).toBe(0);
    fs.writeFileSync(path.join(copy, '..', path.basename(copy) + '.patch'), patch);
    expect(git(copy, ['apply', '--check', path.join(copy, '..', path.basename(copy) + '.patch')])).toEqual({ code: 0, out: '' });
    expect(git(copy, ['apply', path.join(copy, '..', path.basename(copy) + '.patch')]).code).toBe(0);
    fs.unlinkSync(path.join(copy, '..', path.basename(copy) + '.patch'));

    expect(run(['svc', '--write'], { cwd: root }).code).toBe(0);
    expect(read(copy, 'svc/a/Dockerfile')).toBe(read(root, 'svc/a/Dockerfile'));
    expect(read(copy, 'svc/b/Dockerfile')).toBe(read(root, 'svc/b/Dockerfile'));
  });

  it('stdin: `-` writes the rewritten Dockerfile to stdout, the same as --write', () => {
    const root = tree(GO_ONBUILD);
    const r = run(['-', '--stdin-filepath', 'Dockerfile'], { cwd: root, input: ORIGINAL });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe(ORIGINAL);
    expect(run(['-', '--stdin-filepath', 'Dockerfile', '--check'], { cwd: root, input: ORIGINAL }).code).toBe(1);
    run(['--write'], { cwd: root });
    expect(r.stdout).toBe(read(root));
  });

  it('colors the diff with FORCE_COLOR, not with NO_COLOR, and never in --patch-file', () => {
    const root = tree(GO_ONBUILD);
    expect(run([], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[32m+');
    expect(run([], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b');
    run(['--patch-file', 'p.patch', '--color'], { cwd: root });
    expect(read(root, 'p.patch')).not.toContain('\u001b');
  });

  it('--verify --write: a rewrite that cannot be verified is an error and is not written', () => {
    // Without Docker it cannot be verified; with Docker both builds fail on a network that does not exist.
    const root = tree(GO_ONBUILD);
    const r = run(['--verify', '--verify-network', 'stageify-no-such-network', '--write'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Dockerfile: error: .*\(verify\/failed\)$/m);
    expect(read(root)).toBe(ORIGINAL);
  });

  it('markdown report: summary table and base before → after', () => {
    const root = tree(GO_ONBUILD);
    const r = run(['--format', 'markdown'], { cwd: root });
    expect(r.stdout).toContain('| 1 | 1 | 0 | 0 | 0 |');
    expect(r.stdout).toMatch(/\| `Dockerfile` \| changed \| `golang:1\.6\.3-onbuild` → `[^`]+` \|/);
  });
});

function prefixed(dir: string, t: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [`${dir}/${k}`, v as string]));
}

describe('files left alone say why', () => {
  it('a file stageify cannot rewrite: one stderr line with the reason, exit 0', () => {
    const root = tree({ Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make build\nCMD ["/src/bin/app"]\n', 'main.go': 'package main\n\nfunc main() {}\n' });
    const r = run(['Dockerfile'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Dockerfile:5  go\/entrypoint-unknown  cannot tell which binary \/src\/bin\/app is/m);
  });

  it('a file with nothing to do (already multi-stage) stays quiet unless --explain', () => {
    const root = tree({ Dockerfile: 'FROM golang:1.22 AS b\nRUN true\nFROM scratch\nCOPY --from=b /x /x\n' });
    expect(run(['Dockerfile'], { cwd: root }).stderr).not.toContain('skip/already-multistage');
    expect(run(['Dockerfile', '--explain'], { cwd: root }).stderr).toContain('skip/already-multistage');
  });
});
