// stageify reads Dockerfiles and build contexts; it never runs anything from them (without
// --verify), and never copies credentials from image references into what it writes or says.
import * as fs from 'fs';
import * as path from 'path';
import { transformDockerfile } from '../../src';
import { makeTree, removeTree, run } from './helpers';

let roots: string[] = [];
const tree = (t: Parameters<typeof makeTree>[0]) => { const r = makeTree(t, 'stageify-sec-'); roots.push(r); return r; };
afterEach(() => { for (const r of roots) removeTree(r); roots = []; });

describe('never executes anything', () => {
  it('no marker after a dry run and after --write, even with fake docker/go/sh first on PATH', () => {
    const marks = tree({});
    const m = (name: string) => path.join(marks, name);
    const fake = (name: string) => ({ text: `#!/bin/sh\necho ran > '${m(name)}'\n`, mode: 0o755 });
    const bin = tree({ docker: fake('docker'), go: fake('go'), sh: fake('sh'), bash: fake('bash'), git: fake('git'), gcc: fake('gcc'), node: fake('node-fake') });
    const root = tree({
      'Dockerfile': `FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN touch '${m('run')}' && go build -o /app .\nRUN <<EOF\ntouch '${m('heredoc')}'\nEOF\nHEALTHCHECK CMD touch '${m('health')}'\nCMD ["/app"]\n`,
      'main.go': `package main\n\nimport "os"\n\nfunc init() { os.WriteFile("${m('init')}", nil, 0o644) }\n\n//go:generate touch ${m('generate')}\nfunc main() {}\n`,
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'Makefile': `all:\n\ttouch ${m('make')}\n`,
      'build.sh': { text: `#!/bin/sh\ntouch ${m('script')}\n`, mode: 0o755 },
      '.git/hooks/post-checkout': { text: `#!/bin/sh\ntouch ${m('hook')}\n`, mode: 0o755 },
    });
    const env = { PATH: `${bin}:${process.env.PATH}` };
    run(['.'], { cwd: root, env });
    run(['.', '--format', 'json'], { cwd: root, env });
    run(['-', '--stdin-filepath', 'Dockerfile'], { cwd: root, env, input: fs.readFileSync(path.join(root, 'Dockerfile')) });
    run(['.', '--write'], { cwd: root, env });
    expect(fs.readdirSync(marks)).toEqual([]);
  });
});

describe('credentials in image references never leak', () => {
  const ctx = { 'main.go': 'package main\n\nfunc main() {}\n', 'go.mod': 'module example.com/app\n\ngo 1.22\n' };
  const go = (from: string) => `FROM ${from}\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n`;
  const SECRET = /s3cr3t|hunter2/;

  /** Everything stageify says about a file, except the user's own lines kept in the builder. */
  function said(r: ReturnType<typeof transformDockerfile>): string {
    const runtime = r.status === 'changed' ? r.output.slice(r.output.lastIndexOf('\nFROM ')) : '';
    return [runtime, r.baseAfter ?? '', ...r.messages.map((m) => m.text)].join('\n');
  }

  it.each([
    'user:s3cr3t@registry.example.com/golang:1.22',
    'user:s3cr3t@registry.example.com/library/golang:1.22-alpine',
    'user:s3cr3t@registry.example.com/golang:1.8-onbuild',
  ])('FROM %s: runtime FROM and messages have no credentials', (from) => {
    const r = transformDockerfile(go(from), { contextFiles: ctx });
    expect(said(r)).not.toMatch(SECRET);
  });

  it.each([
    'user:s3cr3t@registry.example.com/distroless/static',
    'user:s3cr3t@registry.example.com/node:8-onbuild',
    'user:s3cr3t@registry.example.com/acme/app:1.0',
  ])('FROM %s (left alone): messages and baseBefore have no credentials', (from) => {
    const r = transformDockerfile(go(from), { contextFiles: ctx });
    expect(r.status).not.toBe('changed');
    expect([...r.messages.map((m) => m.text), r.baseBefore ?? ''].join('\n')).not.toMatch(SECRET);
  });

  it('a registry mirror with credentials is not written into the runtime FROM', () => {
    const r = transformDockerfile(go('golang:1.22'), { contextFiles: ctx, registryMirror: 'ci:hunter2@mirror.example.com/hub' });
    expect(r.status).toBe('changed');
    expect(said(r)).not.toMatch(SECRET);
  });

  it('the CLI report (json and text) has no credentials', () => {
    const root = tree({ 'a/Dockerfile': go('user:s3cr3t@registry.example.com/acme/app:1.0'), 'b/Dockerfile': go('user:s3cr3t@registry.example.com/golang:1.22'), 'b/main.go': ctx['main.go'] });
    const j = run(['.', '--format', 'json', '--explain'], { cwd: root });
    const report = JSON.parse(j.stdout) as { files: { messages: { text: string }[]; baseBefore?: string; baseAfter?: string }[] };
    for (const f of report.files) expect(JSON.stringify({ m: f.messages, b: f.baseBefore ?? null, a: f.baseAfter ?? null })).not.toMatch(SECRET);
    const t = run(['.', '--explain'], { cwd: root });
    expect(t.stderr).not.toMatch(SECRET);
  });
});
