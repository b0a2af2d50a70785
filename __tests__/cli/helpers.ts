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

export function makeTree(tree: Tree, prefix = 'stageify-test-'): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
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
  const r = spawnSync(process.execPath, [BIN, ...args], {
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
