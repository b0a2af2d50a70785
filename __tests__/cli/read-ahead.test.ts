// Batches big enough for the reader thread give the same reports, patches and writes as with the
// thread turned off (STAGEIFY_READ_AHEAD=0) or only reading (=read, no parse in the thread),
// including files it leaves for the planner.
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, removeTree, run } from './helpers';
import type { Tree } from './helpers';

const SERVICES = 240;

function monorepo(): Tree {
  const tree: Tree = {};
  for (let i = 0; i < SERVICES; i++) {
    const d = `services/svc-${String(i).padStart(3, '0')}`;
    tree[`${d}/Dockerfile`] = i % 2
      ? `FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD ["/bin/app"]\n`
      : `FROM golang:1.21\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nEXPOSE 80\nCMD ./server\n`;
    tree[`${d}/go.mod`] = `module example.com/svc${i}\n\ngo 1.21\n`;
    tree[`${d}/main.go`] = 'package main\n\nfunc main() {}\n';
  }
  // What the facts depend on, in files the thread reads ahead and files it leaves alone.
  tree['services/svc-001/cgo.go'] = 'package main\n\n// #include <stdio.h>\nimport "C"\n';
  tree['services/svc-002/go.mod'] = 'module example.com/db\n\nrequire github.com/mattn/go-sqlite3 v1.14.0\n';
  tree['services/svc-003/templates/index.html'] = '<p>hi</p>\n';
  tree['services/svc-004/.dockerignore'] = 'templates\n';
  tree['services/svc-004/templates/index.html'] = '<p>hi</p>\n';
  tree['services/svc-005/big.go'] = `package main\n\nimport "C"\n\n// ${'x'.repeat(300 * 1024)}\n`;
  tree['services/svc-006/Dockerfile'] = { symlink: '../svc-000/Dockerfile' };
  tree['services/svc-007/cmd/tool/main.go'] = 'package main\n\nimport "C"\n';
  tree['services/svc-008/Dockerfile'] = { bytes: Buffer.from('# caf\xe9\nFROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', 'latin1') };
  tree['services/svc-009/Dockerfile'] = 'FROM golang:1.22 AS build\nFROM scratch\n';
  // What the thread's parse hands over: escape directive, CRLF, ARGs before FROM, --platform,
  // ENV properties, lower case, comments inside continuations.
  tree['services/svc-010/Dockerfile'] = '# escape=`\r\nARG GO=1.22\r\nFROM --platform=$BUILDPLATFORM golang:${GO}\r\nENV A=1 B="two words"\r\n' +
    'WORKDIR /src\r\nCOPY . .\r\nRUN go build `\r\n  -o /bin/app .\r\nCMD ["/bin/app"]\r\n';
  tree['services/svc-011/Dockerfile'] = '# build\nfrom golang:1.22 as b\nworkdir /app\ncopy . .\nrun go build \\\n# inner\n  -o server .\nenv PORT=80\nexpose 80\ncmd ["./server"]\n';
  return tree;
}

describe('read-ahead in batches', () => {
  let root: string;
  beforeAll(() => { root = makeTree(monorepo()); });
  afterAll(() => removeTree(root));

  const both = (args: string[]) => [run(args, { cwd: root }), run(args, { cwd: root, env: { STAGEIFY_READ_AHEAD: '0' } })];
  const readOnly = (args: string[]) => run(args, { cwd: root, env: { STAGEIFY_READ_AHEAD: 'read' } });

  test('JSON report, diffs and the combined patch are the same with and without the thread', () => {
    const [on, off] = both(['--format', 'json', 'services']);
    expect(on.code).toBe(off.code);
    expect(on.stdout).toBe(off.stdout);
    expect(readOnly(['--format', 'json', 'services']).stdout).toBe(off.stdout);
    const report = JSON.parse(on.stdout);
    expect(report.files).toHaveLength(SERVICES - 1); // the linked Dockerfile is not followed
    const byPath = new Map<string, { status: string; messages: { id: string }[] }>(report.files.map((f: { path: string }) => [f.path, f]));
    const ids = (n: string) => byPath.get(`services/svc-${n}/Dockerfile`)!.messages.map((m) => m.id);
    expect(ids('001')).toContain('go/cgo-kept');
    expect(ids('002')).toContain('go/cgo-kept');
    expect(ids('003')).toContain('runtime/files-copied');
    expect(ids('004')).not.toContain('runtime/files-copied');
    expect(ids('005')).toContain('go/cgo-kept');
    expect(byPath.has('services/svc-006/Dockerfile')).toBe(false);
    expect(ids('007')).toContain('go/cgo-kept');
    expect(byPath.get('services/svc-008/Dockerfile')!.status).toBe('changed');
    expect(ids('009')).toContain('skip/already-multistage');
    expect(byPath.get('services/svc-010/Dockerfile')!.status).toBe('changed');
    expect(byPath.get('services/svc-011/Dockerfile')!.status).toBe('changed');

    const [diffOn, diffOff] = both(['services']);
    expect(diffOn.stdout).toBe(diffOff.stdout);
    expect(readOnly(['services']).stdout).toBe(diffOff.stdout);
    expect(diffOn.stdout).toContain('FROM --platform=$BUILDPLATFORM golang:${GO} AS builder');
    expect(diffOn.stdout).toContain('+++ b/services/svc-239/Dockerfile');
    const [patchOn, patchOff] = both(['--format', 'json', '--patch-file', '-', 'services']);
    expect(patchOn.stdout).toBe(patchOff.stdout);
  });

  test('--debug tells how many files the thread read; none when it is off', () => {
    const [on, off] = both(['--debug', '--format', 'json', 'services']);
    const m = /read ahead (\d+) of (\d+) files, (\d+) parsed/.exec(on.stderr);
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBe(SERVICES - 1);
    expect(Number(m![1])).toBeGreaterThan(0);
    // The thread parses every Dockerfile it reads; with STAGEIFY_READ_AHEAD=read it only reads.
    expect(Number(m![3])).toBe(Number(m![1]));
    const read = /read ahead (\d+) of (\d+) files, (\d+) parsed/.exec(readOnly(['--debug', '--format', 'json', 'services']).stderr);
    expect(Number(read![1])).toBeGreaterThan(0);
    expect(Number(read![3])).toBe(0);
    expect(off.stderr).not.toMatch(/read ahead/);
  });

  test('--write gives the same files with and without the thread', () => {
    const copy = makeTree(monorepo());
    try {
      expect(run(['--write', 'services'], { cwd: root }).code).toBe(0);
      expect(run(['--write', 'services'], { cwd: copy, env: { STAGEIFY_READ_AHEAD: '0' } }).code).toBe(0);
      for (let i = 0; i < SERVICES; i++) {
        const rel = `services/svc-${String(i).padStart(3, '0')}/Dockerfile`;
        expect(fs.readFileSync(path.join(root, rel))).toEqual(fs.readFileSync(path.join(copy, rel)));
      }
      expect(fs.lstatSync(path.join(root, 'services/svc-006/Dockerfile')).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(root, 'services/svc-008/Dockerfile')).includes(Buffer.from('caf\xe9', 'latin1'))).toBe(true);
    } finally {
      removeTree(copy);
    }
  });
});
