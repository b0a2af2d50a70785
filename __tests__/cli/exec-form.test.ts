// A command written like an exec form that is not JSON (Docker runs it as a shell command): the
// real binary leaves that file alone with a warning that says what Docker runs, and the batch goes
// on with the exit status the other files give.
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, removeTree, run } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Parameters<typeof makeTree>[0]): string {
  const root = makeTree(t);
  roots.push(root);
  return root;
}

const GOOD = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const BAD = [
  'FROM python:3.11',
  'WORKDIR /code',
  'COPY requirements.txt /code/',
  'RUN pip install -r requirements.txt',
  'COPY . /code/',
  'CMD ["python", "manage.py", "migrate" && "python", "manage.py", "runserver"]',
  '',
].join('\n');
const WARNING = 'line 6: CMD is not valid JSON (`&&` outside the quoted strings), so Docker runs it as a shell command: '
  + `/bin/sh -c '["python", "manage.py", "migrate" && "python", "manage.py", "runserver"]'; `
  + 'write it as a JSON array or as a shell command, then run stageify again';

const PROJECT = {
  'good/Dockerfile': GOOD,
  'good/go.mod': 'module example.com/app\n\ngo 1.22\n',
  'good/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n',
  'bad/Dockerfile': BAD,
  'bad/requirements.txt': 'django==4.2\n',
  'bad/manage.py': 'import sys\n',
};
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('a batch with a CMD that is not JSON', () => {
  it('dry run: exit 0, the good file shows a diff, the other is skipped with the warning', () => {
    const root = tree(PROJECT);
    const r = run(['good/Dockerfile', 'bad/Dockerfile'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/good/Dockerfile\n+++ b/good/Dockerfile\n');
    expect(r.stdout).not.toContain('bad/Dockerfile');
    expect(r.stderr).toContain(`bad/Dockerfile:6  skip/not-json-exec-form  ${WARNING}\n`);
    expect(r.stderr).not.toContain('check/failed');
    expect(r.stderr).toMatch(/^1 changed, 0 unchanged, 1 skipped, 0 errors \(2 files in \d+ ms\)$/m);
    expect(read(root, 'bad/Dockerfile')).toBe(BAD);
    expect(read(root, 'good/Dockerfile')).toBe(GOOD);
  });

  it('--check: the skipped file does not count (exit 1 for the good file, 0 alone)', () => {
    const root = tree(PROJECT);
    expect(run(['--check', 'good/Dockerfile', 'bad/Dockerfile'], { cwd: root }).code).toBe(1);
    const alone = run(['--check', 'bad/Dockerfile'], { cwd: root });
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('skip/not-json-exec-form');
  });

  it('--write rewrites the good file and leaves the other byte for byte', () => {
    const root = tree(PROJECT);
    const r = run(['--write', 'good/Dockerfile', 'bad/Dockerfile'], { cwd: root });
    expect(r.code).toBe(0);
    expect(read(root, 'good/Dockerfile')).toMatch(/^FROM golang:1\.22 AS builder\n[\s\S]*\nFROM /);
    expect(read(root, 'bad/Dockerfile')).toBe(BAD);
  });

  it('--format json, markdown and github report it as skipped with the warning', () => {
    const root = tree(PROJECT);
    const json = run(['--format', 'json', 'good/Dockerfile', 'bad/Dockerfile'], { cwd: root });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.summary).toMatchObject({ files: 2, changed: 1, skipped: 1, errors: 0 });
    const bad = report.files.find((f: { path: string }) => f.path === 'bad/Dockerfile');
    expect(bad).toMatchObject({ status: 'skipped', messages: [{ id: 'skip/not-json-exec-form', severity: 'warning', text: WARNING, line: 6 }] });

    const md = run(['--format', 'markdown', 'good/Dockerfile', 'bad/Dockerfile'], { cwd: root });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### `bad/Dockerfile` — skipped');
    expect(md.stdout).toContain(`- **warning** \`skip/not-json-exec-form\` (line 6): ${WARNING}`);

    const gh = run(['--format', 'github', 'good/Dockerfile', 'bad/Dockerfile'], { cwd: root });
    expect(gh.code).toBe(0);
    expect(gh.stdout).toContain(`::warning file=bad/Dockerfile,line=6,title=skip/not-json-exec-form::${WARNING}`);
    expect(gh.stdout).not.toContain('::error');
  });

  it('stdin: exit 0, the Dockerfile comes back unchanged with the warning on stderr', () => {
    const root = tree(PROJECT);
    const r = run(['-', '--stdin-filepath', 'bad/Dockerfile'], { cwd: root, input: BAD });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(BAD);
    expect(r.stderr).toContain(WARNING);
  });

  it('a shell test command that starts with [ is not mistaken for a broken exec form', () => {
    const root = tree({ ...PROJECT, 'good/Dockerfile': GOOD.replace('CMD', 'HEALTHCHECK CMD [ -x /app ] || exit 1\nCMD') });
    const r = run(['--format', 'json', 'good/Dockerfile'], { cwd: root });
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.status).toBe('changed');
    expect(file.messages.map((m: { id: string }) => m.id)).not.toContain('skip/not-json-exec-form');
  });
});
