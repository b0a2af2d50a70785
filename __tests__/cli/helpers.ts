// Shared by the CLI tests: temp folders from object literals, and the real built binary.
import { spawnSync } from 'child_process';
import type { SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'stageify.js');

/** A file's text, or an object for a symlink / mode / raw bytes. */
export type Entry = string | { symlink: string } | { text: string; mode: number } | { bytes: Buffer };
export type Tree = Record<string, Entry>;

export function makeTree(tree: Tree, prefix = 'stageify-test-', base = os.tmpdir()): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(base, prefix)));
  writeTree(root, tree);
  return root;
}

export function writeTree(root: string, tree: Tree): void {
  for (const [rel, entry] of Object.entries(tree)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof entry === 'string') fs.writeFileSync(file, entry);
    else if ('symlink' in entry) fs.symlinkSync(entry.symlink, file);
    else if ('bytes' in entry) fs.writeFileSync(file, entry.bytes);
    else { fs.writeFileSync(file, entry.text); fs.chmodSync(file, entry.mode); }
  }
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

export interface RunResult { code: number | null; stdout: string; stderr: string }

/**
 * Whom the permission tests run the CLI as: root reads every file whatever its mode, so as root they
 * run it as `nobody` (65534); any other user is unprivileged already and runs it as itself.
 */
export const UNPRIVILEGED: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export interface User { uid: number; gid: number }

/** Whether `user` may search (enter) every folder on the way to `p`, and read `p` itself (`mode` 4) or run it (1). */
export function reachable(p: string, user: User, mode: 4 | 1 = 4): boolean {
  const allows = (st: fs.Stats, bit: number) =>
    ((st.uid === user.uid ? st.mode >> 6 : st.gid === user.gid ? st.mode >> 3 : st.mode) & bit) !== 0;
  let real: string;
  try { real = fs.realpathSync(p); } catch { return false; }
  if (!allows(fs.statSync(real), mode)) return false;
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if (!allows(fs.statSync(dir), 1)) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

/**
 * A temp folder `user` can enter, for files a test shares with it: os.tmpdir() unless that is private
 * (TMPDIR under a 0700 home), then the system's shared temp folders. Defaults to UNPRIVILEGED.
 */
export function sharedTmpdir(user: Partial<User> = UNPRIVILEGED): string {
  if (user.uid === undefined || user.uid === process.getuid?.()) return os.tmpdir();
  const u = { uid: user.uid, gid: user.gid ?? user.uid };
  const found = [os.tmpdir(), '/tmp', '/var/tmp'].find((d) => fs.existsSync(d) && reachable(d, u, 1));
  if (!found) throw new Error(`no temp folder that uid ${u.uid} can enter: set TMPDIR to one`);
  return found;
}

/**
 * The CLI as another user runs it. The checkout may sit where that user cannot go (a clone under
 * /root or a 0700 temp folder), so the child gets its own copy of what the CLI loads — package.json,
 * bin/, dist/ and the production dependencies — in a fresh folder under sharedTmpdir() that every
 * user can read; node itself is copied only when that user cannot run it where it is. Made once per
 * test file, removed after it.
 */
let cliCopy: { dir: string; node: string; bin: string } | undefined;
function cliCopyFor(user: User): { node: string; bin: string } {
  if (cliCopy) return cliCopy;
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(sharedTmpdir(user), 'stageify-cli-')));
  try {
    for (const rel of ['package.json', 'bin', 'dist']) fs.cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true, dereference: true });
    copyDependencies(ROOT, dir);
    let node = process.execPath;
    if (!reachable(node, user, 1)) { node = path.join(dir, path.basename(node)); fs.copyFileSync(process.execPath, node); }
    openToAll(dir);
    cliCopy = { dir, node, bin: path.join(dir, 'bin', 'stageify.js') };
    return cliCopy;
  } catch (e) {
    removeTree(dir);
    throw e;
  }
}
if (typeof afterAll === 'function') afterAll(() => { if (cliCopy) removeTree(cliCopy.dir); cliCopy = undefined; });

/**
 * Copies the production dependencies of the package at `from` (and theirs) to the same places under
 * `to`, each found the way require() finds it: node_modules of the requiring package, then of each
 * folder above it, up to ROOT.
 */
function copyDependencies(from: string, to: string, done = new Set<string>()): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
  for (const name of names) {
    let found: string | undefined;
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) { found = candidate; break; }
      if (dir === ROOT || path.dirname(dir) === dir) break;
    }
    if (!found) {
      if (name in (pkg.optionalDependencies ?? {})) continue;
      throw new Error(`${name} (needed by ${path.relative(ROOT, from) || 'stageify'}) is not installed: run npm ci`);
    }
    if (done.has(found)) continue;
    done.add(found);
    const dest = path.join(to, path.relative(ROOT, found));
    const nested = path.join(found, 'node_modules');
    fs.cpSync(found, dest, { recursive: true, dereference: true, filter: (src) => src !== nested });
    copyDependencies(found, to, done);
  }
}

/** Everyone may enter the folders and read the files (and run what its owner may run), whatever the umask of the checkout was. */
function openToAll(p: string): void {
  const st = fs.statSync(p);
  const mode = st.mode & 0o7777;
  fs.chmodSync(p, mode | (st.isDirectory() || mode & 0o100 ? 0o555 : 0o444));
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) openToAll(path.join(p, e));
}

/** The environment without color variables, so each test states its own. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS']) delete env[k];
  return { ...env, ...extra };
}

export function run(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> } & Pick<SpawnSyncOptions, 'uid' | 'gid'>): RunResult {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  }
  const other = opts.uid !== undefined && opts.uid !== process.getuid?.();
  const { node, bin } = other ? cliCopyFor({ uid: opts.uid!, gid: opts.gid ?? opts.uid! }) : { node: process.execPath, bin: BIN };
  const r = spawnSync(node, [bin, ...args], {
    cwd: opts.cwd, input: opts.input ?? '', env: cleanEnv(opts.env), encoding: 'utf8', uid: opts.uid, gid: opts.gid,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Go ONBUILD project the engine rewrites (status 'changed' once the engine lands). */
export const GO_ONBUILD: Tree = {
  'Dockerfile': 'FROM golang:1.6.3-onbuild\n',
  'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n',
};

export function git(cwd: string, args: string[], input?: string): { code: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, input, encoding: 'utf8', env: { ...cleanEnv(), GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  return { code: r.status, out: r.stdout + r.stderr };
}
