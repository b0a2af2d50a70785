// Batch migration across a monorepo, through the real built binary (`npm run build` first).
import * as fs from 'fs';
import * as path from 'path';
import { git, makeTree, removeTree, run } from './helpers';
import type { Tree } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Tree): string {
  const root = makeTree(t, 'stageify-mono-');
  roots.push(root);
  return root;
}

interface Report { summary: Record<string, number>; files: { path: string; status: string; baseBefore: string | null; baseAfter: string | null; messages: { id: string }[] }[] }
const json = (s: string) => JSON.parse(s) as Report;
const SUMMARY = /^\d+ changed, \d+ unchanged, \d+ skipped, \d+ errors? \(\d+ files? in \d+ ms\)$/;

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const MULTI = 'FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD ["/app"]\n';
const svc = (dir: string, dockerfile = GO, name = 'Dockerfile'): Tree => ({
  [`${dir}/${name}`]: dockerfile, [`${dir}/main.go`]: 'package main\n\nfunc main() {}\n', [`${dir}/go.mod`]: 'module example.com/x\n\ngo 1.22\n',
});

const MONOREPO: Tree = {
  ...svc('services/api'),
  ...svc('services/web', GO, 'web.Dockerfile'),
  ...svc('services/worker', GO, 'Containerfile'),
  ...svc('services/done', MULTI),
  ...svc('services/onbuild', 'FROM golang:1.6.3-onbuild\n'),
  'services/broken/Dockerfile': 'FROM golang:1.22\nRUN <<EOF\necho never ends\n',
  'services/base/Dockerfile': 'FROM golang:1.22\nONBUILD COPY . /src\n',
  'services/api/Dockerfile.dockerignore': 'node_modules\n',
  ...svc('generated/x'),
  ...svc('vendor/y'),
  ...svc('legacy/z'),
  '.gitignore': 'generated/\n',
  '.stageifyignore': 'vendor/\n',
  'legacy/.stageifyignore': 'Dockerfile\n',
  'node_modules/pkg/Dockerfile': GO,
  'services/link': { symlink: 'api' },
  'Dockerfile.link': { symlink: 'services/api/Dockerfile' },
};

const CHANGED = ['services/api/Dockerfile', 'services/onbuild/Dockerfile', 'services/web/web.Dockerfile', 'services/worker/Containerfile'];

describe('a monorepo in one run', () => {
  it('discovers Dockerfiles only: ignore files respected, symlinks and node_modules skipped, sorted', () => {
    const root = tree(MONOREPO);
    const r = run(['--format', 'json'], { cwd: root });
    expect(r.code).toBe(2); // the broken heredoc
    const report = json(r.stdout);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['services/api/Dockerfile', 'changed'],
      ['services/base/Dockerfile', 'skipped'],
      ['services/broken/Dockerfile', 'error'],
      ['services/done/Dockerfile', 'skipped'],
      ['services/onbuild/Dockerfile', 'changed'],
      ['services/web/web.Dockerfile', 'changed'],
      ['services/worker/Containerfile', 'changed'],
    ]);
    expect(report.summary).toEqual({ files: 7, changed: 4, unchanged: 0, skipped: 2, errors: 1 });
    for (const f of report.files) expect(Object.keys(f)).toEqual(['path', 'status', 'messages', 'baseBefore', 'baseAfter', 'context']);
    expect(r.stderr.split('\n').filter(Boolean).filter((l) => !SUMMARY.test(l)))
      .toEqual([expect.stringMatching(/^services\/broken\/Dockerfile:2: error: .*heredoc.*\(input\/heredoc\)$/)]);
  });

  it('unmatched patterns and missing paths: exit 2, one line each, the batch goes on', () => {
    const root = tree(MONOREPO);
    const r = run(['services/api', 'nothing/**/Dockerfile', 'services/api/missing', 'services/done', '-l'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('services/api/Dockerfile\n');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toContain('nothing/**/Dockerfile: error: pattern matched no files (input/no-match)');
    expect(lines).toContain('services/api/missing: error: no such file or directory (input/not-found)');
    expect(lines[lines.length - 1]).toMatch(/^1 changed, 0 unchanged, 1 skipped, 2 errors \(4 files in \d+ ms\)$/);
  });

  it('a symlink named on the command line is an error, never followed', () => {
    const root = tree(MONOREPO);
    const r = run(['Dockerfile.link', 'services/link', 'services/done', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(json(r.stdout).files.map((f) => [f.path, f.status])).toEqual([
      ['Dockerfile.link', 'error'], ['services/done/Dockerfile', 'skipped'], ['services/link', 'error'],
    ]);
  });

  it('--check exits 1 when something would change, and -l lists exactly those paths', () => {
    const root = tree(MONOREPO);
    expect(run(['--check', 'services/api', 'services/done'], { cwd: root }).code).toBe(1);
    expect(run(['--check', 'services/done'], { cwd: root }).code).toBe(0);
    expect(run(['-l', 'services/*/*ile', 'services/web'], { cwd: root }).stdout).toBe(CHANGED.join('\n') + '\n');
  });

  it('the combined patch applies with git apply and equals what --write writes', () => {
    const root = tree(MONOREPO);
    expect(git(root, ['init', '-q']).code).toBe(0);
    const dry = run(['services', '--patch-file', 'migration.patch', '-o', 'diff.txt'], { cwd: root });
    expect(dry.code).toBe(2);
    const patch = fs.readFileSync(path.join(root, 'migration.patch'), 'utf8');
    // The text view and the patch file are the same diffs.
    expect(fs.readFileSync(path.join(root, 'diff.txt'), 'utf8')).toBe(patch);
    expect(patch.match(/^--- a\//gm)).toHaveLength(CHANGED.length);
    const check = git(root, ['apply', '--check', '-v', 'migration.patch']);
    expect(check.out).not.toMatch(/error/);
    expect(check.code).toBe(0);
    for (const f of CHANGED) expect(check.out).toContain(`Checking patch ${f}`);

    const other = tree(MONOREPO);
    run(['services', '--write'], { cwd: other });
    expect(git(root, ['apply', 'migration.patch']).code).toBe(0);
    for (const f of CHANGED) expect(fs.readFileSync(path.join(root, f), 'utf8')).toBe(fs.readFileSync(path.join(other, f), 'utf8'));
    // Idempotent: a second run changes nothing.
    expect(run(['services', '-l'], { cwd: other }).stdout).toBe('');
  });

  it('Markdown report: summary, per-file status, bases, reasons with ids, size estimates, diffs', () => {
    const root = tree(MONOREPO);
    const r = run(['--format', 'markdown', '-o', 'report.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const md = fs.readFileSync(path.join(root, 'report.md'), 'utf8');
    expect(md).toContain('| Files | Changed | Unchanged | Skipped | Errors |\n|---:|---:|---:|---:|---:|\n| 7 | 4 | 0 | 2 | 1 |\n');
    expect(md).toMatch(/\*\*Estimated size saving: ~[\d,]+ MB\*\*/);
    expect(md).toMatch(/\| `services\/api\/Dockerfile` \| changed \| `golang:1\.22` → `[^`]+` \| ~[\d,]+ MB \|/);
    expect(md).toContain('| `services/done/Dockerfile` | skipped |');
    expect(md).toContain('### `services/api/Dockerfile` — changed');
    expect(md).toMatch(/- \*\*info\*\* `go\/cgo-disabled`: /);
    expect(md).toMatch(/### `services\/broken\/Dockerfile` — error\n\n- \*\*error\*\* `input\/heredoc`/);
    expect(md.match(/<details><summary>Diff<\/summary>/g)).toHaveLength(CHANGED.length);
    expect(md).not.toMatch(/\d{4}-\d\d-\d\d/); // no timestamps
    // Deterministic.
    run(['--format', 'markdown', '-o', 'again.md'], { cwd: root });
    expect(fs.readFileSync(path.join(root, 'again.md'), 'utf8')).toBe(md);
  });

  it('GitHub annotations: one notice per changed file, errors with line numbers', () => {
    const root = tree(MONOREPO);
    const r = run(['--format', 'github', '--check'], { cwd: root });
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter(Boolean);
    for (const l of lines) expect(l).toMatch(/^::(notice|warning|error) file=[^,:]+(,line=\d+)?,title=[^,:]+::/);
    expect(lines.filter((l) => l.startsWith('::notice file=') && l.includes('title=stageify::'))).toHaveLength(CHANGED.length);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=services\/broken\/Dockerfile,line=2,title=input\/heredoc::/));
  });

  it('--write applies every change, and the summary counts the batch', () => {
    const root = tree(MONOREPO);
    const r = run(['--write'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^4 changed, 0 unchanged, 2 skipped, 1 error \(7 files in \d+ ms\)$/m);
    for (const f of CHANGED) expect(fs.readFileSync(path.join(root, f), 'utf8')).toMatch(/ AS builder/i);
    expect(fs.readFileSync(path.join(root, 'vendor/y/Dockerfile'), 'utf8')).toBe(GO);
    expect(fs.readFileSync(path.join(root, 'generated/x/Dockerfile'), 'utf8')).toBe(GO);
  });

  it('no progress line when stderr is piped, even for a long batch', () => {
    const many: Tree = {};
    for (let i = 0; i < 150; i++) Object.assign(many, svc(`svc-${i}`));
    const root = tree(many);
    const r = run(['-l'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(150);
    expect(r.stderr).not.toMatch(/[\r\u001b]|files…/);
    expect(r.stderr).toMatch(/^150 changed, 0 unchanged, 0 skipped, 0 errors \(150 files in \d+ ms\)\n$/);
  });
});

describe('report details', () => {
  // Pure functions of the report modules, on slim entries like the streaming CLI keeps.
  const { formatMarkdown, sizeSavingMb } = require('../../src/report-markdown') as typeof import('../../src/report-markdown');
  const { formatGithub, formatJson } = require('../../src/report') as typeof import('../../src/report');

  it('estimates size savings from the table of known bases, "?" when a base is unknown', () => {
    expect(sizeSavingMb({ status: 'changed', baseBefore: 'golang:1.22', baseAfter: 'gcr.io/distroless/static-debian12' })).toBe(848);
    expect(sizeSavingMb({ status: 'changed', baseBefore: 'acme/builder:1', baseAfter: 'scratch' })).toBeNull();
    expect(sizeSavingMb({ status: 'skipped', baseBefore: 'golang:1.22' })).toBeUndefined();
    const md = formatMarkdown([
      { path: 'a/Dockerfile', status: 'changed', messages: [], baseBefore: 'golang:1.22', baseAfter: 'alpine:3.20', patch: '--- a/a/Dockerfile\n+++ b/a/Dockerfile\n' },
      { path: 'b/Dockerfile', status: 'changed', messages: [], baseBefore: 'acme/go:1', baseAfter: 'scratch' },
    ]);
    expect(md).toContain('**Estimated size saving: ~843 MB** (plus ? for 1 file whose base image size is unknown)');
    expect(md).toContain('| `a/Dockerfile` | changed | `golang:1.22` → `alpine:3.20` | ~843 MB |');
    expect(md).toContain('| `b/Dockerfile` | changed | `acme/go:1` → `scratch` | ? |');
    expect(md).toContain('```diff\n--- a/a/Dockerfile\n');
  });

  it('escapes GitHub workflow command properties (%, CR, LF, :, ,) and data (%, CR, LF)', () => {
    const out = formatGithub([{
      path: 'a:b,c%d\r\n/Dockerfile', status: 'error',
      messages: [{ id: 'x:y,z', severity: 'error', text: '100% bad: a, b\r\nnext', line: 3 }],
    }]);
    expect(out).toBe('::error file=a%3Ab%2Cc%25d%0D%0A/Dockerfile,line=3,title=x%3Ay%2Cz::100%25 bad: a, b%0D%0Anext\n');
  });

  it('JSON keeps only path, status, messages, bases and the build context per file', () => {
    const out = JSON.parse(formatJson([
      { path: 'a', status: 'unchanged', messages: [] },
      { path: 'b', status: 'unchanged', messages: [], context: { path: '.', source: 'compose', detail: 'compose.yaml service b' } },
    ]));
    expect(out.files).toEqual([
      { path: 'a', status: 'unchanged', messages: [], baseBefore: null, baseAfter: null, context: null },
      { path: 'b', status: 'unchanged', messages: [], baseBefore: null, baseAfter: null, context: { path: '.', source: 'compose', detail: 'compose.yaml service b' } },
    ]);
  });
});
