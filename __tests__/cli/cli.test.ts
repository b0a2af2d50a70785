// The real built binary (`node bin/stageify.js`, run `npm run build` first) on temp folders.
// These tests do not depend on what the engine rewrites; cli-rewrite.test.ts does.
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, removeTree, run, ROOT, sharedTmpdir, UNPRIVILEGED } from './helpers';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

/** Already multi-stage on a minimal base: the engine leaves it alone, before and after it lands. */
const MULTI = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\n' +
  'FROM gcr.io/distroless/static\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';
const LEFT_ALONE = ['unchanged', 'skipped'];
const SUMMARY = /^\d+ changed, \d+ unchanged, \d+ skipped, \d+ errors? \(\d+ files? in \d+ ms\)$/;

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Parameters<typeof makeTree>[0], base?: string): string {
  const root = makeTree(t, undefined, base);
  roots.push(root);
  return root;
}
const lines = (s: string) => s.split('\n').filter(Boolean);
const json = (s: string) => JSON.parse(s) as { summary: Record<string, number>; files: { path: string; status: string; messages: unknown[] }[] };

describe('help and version', () => {
  it('prints help on stdout with every documented option, exit 0', () => {
    const r = run(['--help'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stageify [paths..]');
    for (const flag of ['--write', '--check', '--list-different', '--format', '--output', '--patch-file', '--runtime',
      '--context', '--user', '--explain', '--color', '--stdin-filepath', '--debug', '--quiet', '--verify', '--verify-network',
      '--verify-cmd', '--verify-args']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stderr).toBe('');
  });

  it.each([[['--version']], [['--version', '--quiet']]])('prints the package version for %j', (args) => {
    const r = run(args, { cwd: ROOT });
    expect(r).toEqual({ code: 0, stdout: VERSION + '\n', stderr: '' });
  });
});

describe('usage errors exit 2 with one line', () => {
  it.each([
    [['--bogus'], /Unknown argument: bogus/],
    [['--format', 'xml'], /Invalid values: Argument: format, Given: "xml"/],
    [['--write', '--check'], /--write and --check cannot be combined/],
    [['-', 'Dockerfile'], /cannot be combined with other paths/],
    [['-', '--write'], /--write cannot be used with stdin/],
    [['-l', '--format', 'json'], /--list-different cannot be combined/],
  ])('%j', (args, message) => {
    const root = tree({ Dockerfile: MULTI });
    const r = run(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^stageify: error: /);
  });
});

describe('files that fail do not stop the batch', () => {
  it('a missing path: exit 2, one line naming it, the rest still planned', () => {
    const root = tree({ 'ok/Dockerfile': MULTI });
    const r = run(['missing/Dockerfile', 'ok', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['missing/Dockerfile', 'error'], ['ok/Dockerfile', expect.stringMatching(/^(unchanged|skipped)$/)],
    ]);
    const errorLines = lines(r.stderr).filter((l) => !SUMMARY.test(l));
    expect(errorLines).toEqual(['missing/Dockerfile: error: no such file or directory (input/not-found)']);
  });

  it('a glob that matches nothing is an error too', () => {
    const root = tree({ 'ok/Dockerfile': MULTI });
    const r = run(['nothing/*/Dockerfile', 'ok'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing/*/Dockerfile: error: pattern matched no files (input/no-match)');
  });

  it('an unreadable file: exit 2, one line naming it, no stack trace, the next file still planned', () => {
    const root = tree({ 'a/Dockerfile': { text: MULTI, mode: 0o000 }, 'b/Dockerfile': MULTI }, sharedTmpdir());
    // root reads anything: run as nobody then, with the temp folder open to it.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) { fs.chmodSync(root, 0o755); fs.chmodSync(path.join(root, 'b'), 0o755); fs.chmodSync(path.join(root, 'a'), 0o755); }
    const r = run(['.', '--format', 'json'], { cwd: root, ...UNPRIVILEGED });
    expect(r.code).toBe(2);
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    expect(json(r.stdout).files.map((f) => f.status)).toEqual(['error', expect.stringMatching(/^(unchanged|skipped)$/)]);
    const errorLines = lines(r.stderr).filter((l) => !SUMMARY.test(l));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^a\/Dockerfile(:\d+)?: error: .*(permission denied|EACCES)/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a folder that cannot be listed: exit 2, one line naming it, the rest still planned', () => {
    const root = tree({ 'a/Dockerfile': MULTI, 'locked/Dockerfile': MULTI }, sharedTmpdir());
    const asRoot = process.getuid?.() === 0;
    if (asRoot) { fs.chmodSync(root, 0o755); fs.chmodSync(path.join(root, 'a'), 0o755); }
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    const r = run(['.', '--format', 'json'], { cwd: root, ...UNPRIVILEGED });
    fs.chmodSync(path.join(root, 'locked'), 0o755);
    expect(r.code).toBe(2);
    expect(json(r.stdout).files.map((f) => [f.path, f.status])).toEqual([
      ['a/Dockerfile', expect.stringMatching(/^(unchanged|skipped)$/)], ['locked', 'error'],
    ]);
    expect(lines(r.stderr).filter((l) => !SUMMARY.test(l)))
      .toEqual(['locked: error: cannot list folder: permission denied (input/unreadable)']);
  });

  it('a symlink named on the command line is an error and is never written through', () => {
    const root = tree({ 'real/Dockerfile': MULTI, 'Dockerfile': { symlink: 'real/Dockerfile' } });
    const r = run(['Dockerfile', '--write'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Dockerfile: error: is a symbolic link; symlinks are not followed (input/symlink)');
    expect(fs.lstatSync(path.join(root, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(root, 'real/Dockerfile'), 'utf8')).toBe(MULTI);
  });
});

describe('nothing to change', () => {
  it('dry run: empty stdout, the summary on stderr, exit 0', () => {
    const root = tree({ Dockerfile: MULTI });
    const r = run([], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^0 changed, [01] unchanged, [01] skipped, 0 errors \(1 file in \d+ ms\)\n$/);
  });

  it('--check exits 0, -l prints nothing', () => {
    const root = tree({ Dockerfile: MULTI });
    expect(run(['--check'], { cwd: root }).code).toBe(0);
    expect(run(['-l'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
  });

  it('--write never rewrites an untouched file', () => {
    const root = tree({ Dockerfile: MULTI });
    const file = path.join(root, 'Dockerfile');
    const before = fs.statSync(file);
    expect(run(['--write'], { cwd: root }).code).toBe(0);
    const after = fs.statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('--quiet drops the summary', () => {
    const root = tree({ Dockerfile: MULTI });
    expect(run(['--quiet'], { cwd: root })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('--format json', () => {
  it('prints the documented shape, uncolored even with --color', () => {
    const root = tree({ 'a/Dockerfile': MULTI, 'b/Containerfile': MULTI });
    const r = run(['--format', 'json', '--color'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    const report = json(r.stdout);
    expect(Object.keys(report)).toEqual(['summary', 'files']);
    expect(report.summary).toEqual({ files: 2, changed: 0, unchanged: expect.any(Number), skipped: expect.any(Number), errors: 0 });
    expect(report.summary.unchanged + report.summary.skipped).toBe(2);
    for (const f of report.files) {
      expect(Object.keys(f)).toEqual(['path', 'status', 'messages', 'baseBefore', 'baseAfter', 'context']);
      expect(LEFT_ALONE).toContain(f.status);
    }
    expect(report.files.map((f) => f.path)).toEqual(['a/Dockerfile', 'b/Containerfile']);
  });

  it('-o writes the report to a file and nothing to stdout', () => {
    const root = tree({ Dockerfile: MULTI });
    const r = run(['--format', 'json', '-o', 'report.json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(json(fs.readFileSync(path.join(root, 'report.json'), 'utf8')).summary.files).toBe(1);
  });

  it('-o into a missing folder is one clear error, exit 2', () => {
    const root = tree({ Dockerfile: MULTI });
    const r = run(['--format', 'json', '-o', 'no/such/dir/report.json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stageify: error: cannot write no\/such\/dir\/report.json: .*no such file/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(['markdown', 'github'])('--format %s runs and stays uncolored', (format) => {
    const root = tree({ Dockerfile: MULTI });
    const r = run(['--format', format, '--color'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    if (format === 'markdown') expect(r.stdout).toContain('| 1 | 0 |');
  });
});

describe('discovery through the CLI', () => {
  it('sorted, de-duplicated, ignore files respected, symlinks not followed, .git and node_modules skipped', () => {
    const root = tree({
      '.gitignore': 'build/\n',
      '.stageifyignore': 'legacy/\n',
      'z/Dockerfile': MULTI,
      'a/Dockerfile.prod': MULTI,
      'a/web.Dockerfile': MULTI,
      'build/Dockerfile': MULTI,
      'legacy/Dockerfile': MULTI,
      'node_modules/pkg/Dockerfile': MULTI,
      '.git/Dockerfile': MULTI,
      'linked': { symlink: 'z' },
      'notes.txt': 'x',
    });
    const r = run(['.', 'z', 'z/Dockerfile', 'a/*', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['a/Dockerfile.prod', 'a/web.Dockerfile', 'z/Dockerfile']);
  });
});

describe('stdin', () => {
  it.each([
    ['LF', MULTI],
    ['CRLF without a final newline', MULTI.replace(/\n/g, '\r\n').trimEnd()],
  ])('echoes a Dockerfile that needs no change byte for byte (%s)', (_name, text) => {
    const root = tree({});
    const r = run(['-'], { cwd: root, input: text });
    expect(r).toEqual({ code: 0, stdout: text, stderr: '' });
  });

  it('reports as JSON under --stdin-filepath', () => {
    const root = tree({});
    const r = run(['-', '--stdin-filepath', 'svc/Dockerfile', '--format', 'json'], { cwd: root, input: MULTI });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['svc/Dockerfile']);
  });
});

describe('color', () => {
  const missing = (env: Record<string, string>, args: string[] = []) => {
    const root = tree({ Dockerfile: MULTI });
    return run(['missing', ...args], { cwd: root, env }).stderr;
  };
  it('is off when piped, on with FORCE_COLOR or --color', () => {
    expect(missing({})).not.toContain('\u001b[');
    expect(missing({ FORCE_COLOR: '1' })).toContain('\u001b[31merror\u001b[39m');
    expect(missing({}, ['--color'])).toContain('\u001b[31m');
  });
  it('NO_COLOR and --no-color turn it off, even with FORCE_COLOR', () => {
    expect(missing({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(missing({ FORCE_COLOR: '1' }, ['--no-color'])).not.toContain('\u001b[');
  });
});
