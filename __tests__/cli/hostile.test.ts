// Hostile input through the real binary: every bad file gets a one-line error naming it and stays
// byte-for-byte untouched; the batch goes on; nothing outside the tree is touched.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, cleanEnv, makeTree, removeTree, run, sharedTmpdir, UNPRIVILEGED } from './helpers';
import type { Tree } from './helpers';

const GO_DOCKERFILE = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const GO_CONTEXT = { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n', 'go.mod': 'module example.com/app\n\ngo 1.22\n' };
const ctxIn = (dir: string): Tree => Object.fromEntries(Object.entries(GO_CONTEXT).map(([k, v]) => [`${dir}/${k}`, v]));

/** Deterministic pseudo-random bytes (no NUL when `noNul`). */
function randomBytes(n: number, seed: number, noNul = false): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = noNul ? 1 + ((x >> 16) % 255) : (x >> 16) & 0xff;
  }
  return b;
}

const LATIN1 = Buffer.concat([
  Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' na'), Buffer.from([0xef]), Buffer.from('ve '), Buffer.from([0xff, 0xa9]), Buffer.from('\n'),
  Buffer.from('FROM golang:1.22\nWORKDIR /src\nCOPY . .\n# '), Buffer.from([0xe0, 0xb5]), Buffer.from(' build\nRUN go build -o /app .\nCMD ["/app"]\n'),
]);

/** Every hostile file of the batch: relative path → bytes. */
const HOSTILE: Record<string, Buffer> = {
  'empty/Dockerfile': Buffer.alloc(0),
  'blank/Dockerfile': Buffer.from('\uFEFF  \n\r\n\t\n'),
  'binary/Dockerfile': Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01'), Buffer.alloc(16), randomBytes(200, 1)]),
  'random/Dockerfile': randomBytes(4096, 7, true),
  'random-lines/Dockerfile': Buffer.from(randomBytes(2000, 11, true).toString('latin1').replace(/(.{40})/g, '$1\n'), 'latin1'),
  'bare-from/Dockerfile': Buffer.from('FROM\n'),
  'unknown/Dockerfile': Buffer.from('FROM golang:1.22\nFROBNICATE x\nRUN go build -o /app .\nCMD ["/app"]\n'),
  'unterminated/Dockerfile': Buffer.from('FROM golang:1.22\nRUN <<EOF\ngo build -o /app .\nCMD ["/app"]\n'),
  'space-heredoc/Dockerfile': Buffer.from('FROM golang:1.22\nRUN cat << EOF > /etc/motd\nhello\nEOF\nRUN go build -o /app .\nCMD ["/app"]\n'),
  'no-from/Dockerfile': Buffer.from('RUN echo hi\nCMD ["x"]\n'),
  'utf16/Dockerfile': Buffer.from('\uFEFF' + GO_DOCKERFILE, 'utf16le'),
};

function snapshot(root: string): Map<string, { bytes: Buffer; mtimeMs: number; ino: number; mode: number }> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number; ino: number; mode: number }>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const st = fs.lstatSync(p);
      if (e.isDirectory()) walk(p);
      else out.set(p, { bytes: e.isSymbolicLink() ? Buffer.from(fs.readlinkSync(p)) : fs.readFileSync(p), mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode });
    }
  };
  walk(root);
  return out;
}

function expectUntouched(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>, except: string[] = []): void {
  for (const [p, b] of before) {
    if (except.includes(p)) continue;
    const a = after.get(p);
    expect(a).toBeDefined();
    expect({ p, same: a!.bytes.equals(b.bytes), mtime: a!.mtimeMs, ino: a!.ino }).toEqual({ p, same: true, mtime: b.mtimeMs, ino: b.ino });
  }
  expect([...after.keys()].filter((p) => !before.has(p))).toEqual([]);
}

/** The one stderr line about `rel`: exactly one, no stack trace. */
function errorLineFor(stderr: string, rel: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith(rel + ':') || l.startsWith(rel + ' '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/error/);
  return lines[0];
}

let roots: string[] = [];
const tree = (t: Tree) => { const r = makeTree(t, 'stageify-hostile-', sharedTmpdir()); roots.push(r); return r; };
afterEach(() => { for (const r of roots) { spawnSync('chmod', ['-R', 'u+rwX', r]); removeTree(r); } roots = []; });

describe('each hostile file on its own', () => {
  it.each(Object.keys(HOSTILE))('%s: one-line error naming the file, exit 2, bytes unchanged', (rel) => {
    const root = tree({ [rel]: { bytes: HOSTILE[rel] }, ...ctxIn(path.dirname(rel)) });
    const before = snapshot(root);
    const r = run([rel, '--write'], { cwd: root });
    expect(r.code).toBe(2);
    const line = errorLineFor(r.stderr, rel);
    expect(line).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace anywhere
    expect(r.stderr).not.toMatch(/internal error/);
    expectUntouched(before, snapshot(root));
  });

  it('non-UTF-8 (latin1) bytes in comments survive the rewrite exactly', () => {
    const root = tree({ 'Dockerfile': { bytes: LATIN1 }, ...GO_CONTEXT });
    const r = run(['Dockerfile', '--write'], { cwd: root });
    expect(r.code).toBe(0);
    const after = fs.readFileSync(path.join(root, 'Dockerfile'));
    expect(after.toString('latin1')).toMatch(/AS builder/);
    // Every original line is still there, byte for byte (the comment lines with their high bytes).
    const lines = (b: Buffer) => b.toString('latin1').split('\n');
    for (const l of lines(LATIN1).filter((x) => x.startsWith('#'))) expect(lines(after)).toContain(l);
    expect(after.subarray(0, LATIN1.indexOf('\n') + 1).equals(LATIN1.subarray(0, LATIN1.indexOf('\n') + 1))).toBe(true);
    // And the dry-run diff of it is in the file's own bytes.
    fs.writeFileSync(path.join(root, 'Dockerfile'), LATIN1);
    const d = spawnSync(process.execPath, [BIN, 'Dockerfile'], { cwd: root, env: cleanEnv() });
    expect(d.stdout.includes(Buffer.concat([Buffer.from(' # caf'), Buffer.from([0xe9])]))).toBe(true);
  });

  it('an unreadable file (mode 000) is an error, untouched', () => {
    const root = tree({ 'Dockerfile': GO_DOCKERFILE, ...GO_CONTEXT });
    fs.chmodSync(root, 0o777);
    fs.chmodSync(path.join(root, 'Dockerfile'), 0o000);
    const before = snapshot(root);
    const r = run(['.', '--write'], { cwd: root, ...UNPRIVILEGED });
    expect(r.code).toBe(2);
    expect(errorLineFor(r.stderr, 'Dockerfile')).toMatch(/permission denied|EACCES/i);
    expectUntouched(before, snapshot(root));
  });

  it('a directory named Dockerfile: named explicitly is an error; inside a walk it is not taken for a file', () => {
    const root = tree({ 'Dockerfile/readme.txt': 'x\n', 'svc/Dockerfile': GO_DOCKERFILE, ...ctxIn('svc') });
    const r = run(['Dockerfile'], { cwd: root });
    expect(r.code).toBe(2);
    expect(errorLineFor(r.stderr, 'Dockerfile')).toMatch(/error/);
    const all = run(['.', '--format', 'json'], { cwd: root });
    expect(JSON.parse(all.stdout).files.map((f: { path: string }) => f.path)).toEqual(['svc/Dockerfile']);
  });

  it('terminal control characters from a file never reach the terminal raw', () => {
    const root = tree({ 'Dockerfile': '\u001b]0;pwned\u0007\u001b[2JBAD x\nFROM golang:1.22\n' });
    const r = run(['Dockerfile'], { cwd: root });
    expect(r.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a file name with a newline still gives a one-line error', () => {
    const root = tree({ 'Dockerfile.a\nfake: ok': 'BAD x\n' });
    const r = run(['.'], { cwd: root });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2); // the error and the summary
  });
});

describe('symlinks', () => {
  it('a symlink to a Dockerfile outside the tree is never followed or written through; a symlinked folder is not descended', () => {
    const outside = tree({ 'Dockerfile': GO_DOCKERFILE, ...GO_CONTEXT, 'sub/Dockerfile': GO_DOCKERFILE, ...ctxIn('sub') });
    const root = tree({ 'link/Dockerfile': { symlink: path.join(outside, 'Dockerfile') }, 'dirlink': { symlink: path.join(outside, 'sub') }, 'good/Dockerfile': GO_DOCKERFILE, ...ctxIn('good') });
    const beforeOut = snapshot(outside);
    const r = run(['.', '--write', '--format', 'json'], { cwd: root });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['good/Dockerfile']);
    expectUntouched(beforeOut, snapshot(outside));
    // Named explicitly: an error, still nothing written.
    const r2 = run(['link/Dockerfile', 'dirlink', '--write'], { cwd: root });
    expect(r2.code).toBe(2);
    errorLineFor(r2.stderr, 'link/Dockerfile');
    errorLineFor(r2.stderr, 'dirlink');
    expectUntouched(beforeOut, snapshot(outside));
    expect(fs.lstatSync(path.join(root, 'link', 'Dockerfile')).isSymbolicLink()).toBe(true);
  });
});

describe('acceptance: a batch of every hostile file plus one good Go service', () => {
  it('--write rewrites the good one, names every bad one in a one-line error, touches nothing else, exit 2', () => {
    const outside = tree({ 'Dockerfile': GO_DOCKERFILE, ...GO_CONTEXT });
    const t: Tree = { 'good/Dockerfile': GO_DOCKERFILE, ...ctxIn('good'), 'latin1/Dockerfile': { bytes: LATIN1 }, ...ctxIn('latin1') };
    for (const [rel, bytes] of Object.entries(HOSTILE)) { t[rel] = { bytes }; Object.assign(t, ctxIn(path.dirname(rel))); }
    t['dir/Dockerfile/x.txt'] = 'x\n';
    t['link/Dockerfile'] = { symlink: path.join(outside, 'Dockerfile') };
    t['unreadable/Dockerfile'] = { text: GO_DOCKERFILE, mode: 0o000 };
    Object.assign(t, ctxIn('unreadable'));
    const root = tree(t);
    fs.chmodSync(root, 0o777);
    for (const d of fs.readdirSync(root)) fs.chmodSync(path.join(root, d), 0o777);
    const rw = (p: string) => { if (!fs.lstatSync(p).isSymbolicLink()) fs.chmodSync(p, 0o666); };
    for (const [p] of snapshot(root)) if (!p.endsWith(path.join('unreadable', 'Dockerfile'))) rw(p);
    const before = snapshot(root);
    const beforeOut = snapshot(outside);
    const bad = [...Object.keys(HOSTILE), 'unreadable/Dockerfile'];
    const r = run(['.', 'link/Dockerfile', '--write'], { cwd: root, ...UNPRIVILEGED });
    expect(r.code).toBe(2);
    for (const rel of [...bad, 'link/Dockerfile']) errorLineFor(r.stderr, rel);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const good = path.join(root, 'good', 'Dockerfile');
    const lat = path.join(root, 'latin1', 'Dockerfile');
    expect(fs.readFileSync(good, 'utf8')).toMatch(/AS builder[\s\S]*COPY --from=builder \/app \/app/);
    expect(fs.readFileSync(lat).toString('latin1')).toMatch(/AS builder/);
    expectUntouched(before, snapshot(root), [good, lat]);
    expectUntouched(beforeOut, snapshot(outside));
    expect(r.stderr).toMatch(/2 changed, 0 unchanged, 0 skipped, \d+ errors/);
  });
});

describe('size: time grows linearly with the number of lines', () => {
  /** A valid single-stage Go Dockerfile of `n` lines: RUNs with continuations, comments, ENV, LABEL, EXPOSE. */
  function bigDockerfile(n: number): string {
    const unit = (i: number) => [`# step ${i}`, `RUN echo ${i} && \\`, '    true', `ENV V_${i}=${i}`, `LABEL l${i}="v ${i}"`, `EXPOSE ${1000 + (i % 50000)}`, '', 'WORKDIR /src', `RUN echo done ${i}`, ''];
    const lines = ['# syntax=docker/dockerfile:1', 'FROM golang:1.22', 'COPY . .'];
    for (let i = 0; lines.length < n - 2; i++) lines.push(...unit(i));
    lines.length = n - 2;
    lines.push('RUN go build -o /app .', 'CMD ["/app"]');
    return lines.join('\n') + '\n';
  }

  /** Runs the CLI on a file of n lines; resolves with the wall time, or rejects past `limitMs`. */
  function timed(args: string[], n: number, limitMs: number): Promise<number> {
    const root = tree({ 'Dockerfile': bigDockerfile(n), ...GO_CONTEXT });
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, [BIN, 'Dockerfile', ...args], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${n} lines: still running after ${limitMs} ms (superlinear)`)); }, limitMs);
      child.on('exit', (code) => {
        clearTimeout(timer);
        const ms = performance.now() - t0;
        if (code !== 0) reject(new Error(`${n} lines: exit ${code}: ${err}`));
        else if (!/1 changed/.test(err)) reject(new Error(`${n} lines: not rewritten: ${err}`));
        else resolve(ms);
      });
    });
  }

  async function growth(args: string[]): Promise<void> {
    // Bounded so a superlinear engine fails in about two minutes instead of running for an hour.
    const t50 = await timed(args, 50_000, 30_000);
    const t100 = await timed(args, 100_000, Math.min(60_000, Math.max(10_000, 3.5 * t50)));
    const t200 = await timed(args, 200_000, Math.min(120_000, Math.max(20_000, 3.5 * t100)));
    // Linear: ×2 per doubling (quadratic would be ×4). Allow for noise and start-up time.
    expect(t100 / t50).toBeLessThan(3);
    expect(t200 / t100).toBeLessThan(3);
  }

  it('--write on 50k / 100k / 200k lines', () => growth(['--write']), 240_000);
  it('dry run (with the diff) on 50k / 100k / 200k lines', () => growth([]), 240_000);
});


describe('special files', () => {
  it('a FIFO named Dockerfile: one error line, no hang, the batch goes on', () => {
    const root = tree({ 'good/Dockerfile': GO_DOCKERFILE, ...ctxIn('good') });
    fs.mkdirSync(path.join(root, 'pipe'));
    expect(spawnSync('mkfifo', [path.join(root, 'pipe', 'Dockerfile')]).status).toBe(0);
    const r = run(['pipe/Dockerfile', 'good/Dockerfile'], { cwd: root });
    expect(r.code).toBe(2);
    expect(errorLineFor(r.stderr, 'pipe/Dockerfile')).toMatch(/special file/);
    expect(r.stdout).toContain('+++ b/good/Dockerfile');
  });
});
