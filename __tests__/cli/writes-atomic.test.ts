// Atomic writes seen from outside: the written file is replaced by rename (new inode), keeps its
// mode and owner; files that do not change are never rewritten (same inode, same mtime).
import * as fs from 'fs';
import * as path from 'path';
import { planFile } from '../../src';
import { writeResult } from '../../src/write';
import { makeTree, removeTree, run } from './helpers';

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const MAIN = 'package main\n\nfunc main() {}\n';
const asRoot = process.getuid?.() === 0;

let root: string;
beforeEach(() => {
  root = makeTree({
    'a/Dockerfile': GO, 'a/main.go': MAIN,
    'b/Dockerfile': GO, 'b/main.go': MAIN,
    'multi/Dockerfile': 'FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\nCMD ["/app"]\n',
    'minimal/Dockerfile': 'FROM gcr.io/distroless/static\nCOPY app /app\nCMD ["/app"]\n',
  });
  fs.chmodSync(path.join(root, 'a', 'Dockerfile'), 0o600);
  fs.chmodSync(path.join(root, 'b', 'Dockerfile'), 0o755);
});
afterEach(() => removeTree(root));

const st = (rel: string) => fs.statSync(path.join(root, rel));

describe('--write from outside', () => {
  it('keeps modes 0600 and 0755, changes the inode only of written files, leaves no temp files', () => {
    const before = Object.fromEntries(['a/Dockerfile', 'b/Dockerfile', 'multi/Dockerfile', 'minimal/Dockerfile'].map((f) => [f, st(f)]));
    const r = run(['.', '--write'], { cwd: root });
    expect(r.code).toBe(0);
    expect(st('a/Dockerfile').mode & 0o7777).toBe(0o600);
    expect(st('b/Dockerfile').mode & 0o7777).toBe(0o755);
    expect(st('a/Dockerfile').ino).not.toBe(before['a/Dockerfile'].ino);
    expect(st('b/Dockerfile').ino).not.toBe(before['b/Dockerfile'].ino);
    for (const f of ['multi/Dockerfile', 'minimal/Dockerfile']) {
      expect([st(f).ino, st(f).mtimeMs]).toEqual([before[f].ino, before[f].mtimeMs]);
    }
    for (const d of ['a', 'b', 'multi', 'minimal']) expect(fs.readdirSync(path.join(root, d)).filter((n) => /stageify|\.tmp$/.test(n))).toEqual([]);
  });

  it('a second --write rewrites nothing (idempotent on disk: inode and mtime kept)', () => {
    run(['.', '--write'], { cwd: root });
    const once = st('a/Dockerfile');
    const r = run(['.', '--write'], { cwd: root });
    expect(r.code).toBe(0);
    expect([st('a/Dockerfile').ino, st('a/Dockerfile').mtimeMs]).toEqual([once.ino, once.mtimeMs]);
  });

  it('--check and the dry run never write', () => {
    const before = st('a/Dockerfile');
    expect(run(['.', '--check'], { cwd: root }).code).toBe(1);
    expect(run(['.'], { cwd: root }).code).toBe(0);
    expect([st('a/Dockerfile').ino, st('a/Dockerfile').mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  (asRoot ? it : it.skip)('keeps the owner and group of a file written by root', () => {
    const f = path.join(root, 'a', 'Dockerfile');
    fs.chownSync(f, 1234, 5678);
    const r = run(['a/Dockerfile', '--write'], { cwd: root });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(f, 'utf8')).toMatch(/AS builder/);
    expect([st('a/Dockerfile').uid, st('a/Dockerfile').gid]).toEqual([1234, 5678]);
  });
});

describe('a file changed on disk between read and write (src/write.ts)', () => {
  it('is not overwritten when its size changed', () => {
    const f = path.join(root, 'a', 'Dockerfile');
    const r = planFile(f);
    expect(r.status).toBe('changed');
    fs.appendFileSync(f, '# edited meanwhile\n');
    expect(writeResult(r).written).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe(GO + '# edited meanwhile\n');
  });

  it('is not overwritten when an editor saved same-size content and kept the mtime', () => {
    const f = path.join(root, 'a', 'Dockerfile');
    // Whole-second times, as tar, rsync -t, unzip and many checkouts leave them.
    const t = new Date('2024-01-02T03:04:05Z');
    fs.utimesSync(f, t, t);
    const r = planFile(f);
    const { atime, mtime } = fs.statSync(f);
    const edited = GO.replace('/src', '/xyz');
    expect(edited.length).toBe(GO.length);
    fs.writeFileSync(f, edited);
    fs.utimesSync(f, atime, mtime); // e.g. rsync -t, git checkout in the same tick, tar x
    expect(writeResult(r).written).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe(edited);
  });

  it('is not written through when it was replaced by a symlink meanwhile', () => {
    const f = path.join(root, 'a', 'Dockerfile');
    const target = path.join(root, 'b', 'Dockerfile');
    const r = planFile(f);
    const before = fs.readFileSync(target);
    fs.unlinkSync(f);
    fs.symlinkSync(target, f);
    expect(writeResult(r).written).toBe(false);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.lstatSync(f).isSymbolicLink()).toBe(true);
  });
});
