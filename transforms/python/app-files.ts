// The application files the runtime stage gets: what the Dockerfile copied from the build
// context, as whole folders, or entry by entry where a folder also holds things only the build or
// the developer needs (tests/, .git, Dockerfile, README…). A folder that a later RUN may write into
// (collectstatic, asset builds, `pip install -e .`) is copied whole: its new files only exist there.
import * as posix from 'path/posix';
import { placedFiles } from '../shared/context-map';
import type { AppCopy, StageCommand } from './stage-walk';
import { programName } from './stage-walk';

/** Folders that hold more than what a COPY put there: never copied whole. */
export const SHARED_DIRS = new Set([
  '/', '/etc', '/usr', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/share', '/usr/bin', '/usr/lib', '/usr/src', '/var', '/var/lib',
  '/opt', '/bin', '/lib', '/root', '/home', '/tmp', '/srv', '/usr/local/bundle',
]);

/** Top-level names of an app folder that a running program does not read. */
const NOT_RUNTIME = [
  /^\.git(ignore|attributes|modules)?$/, /^\.github$/, /^\.gitlab(-ci\.yml)?$/, /^\.circleci$/, /^\.travis\.yml$/, /^\.dockerignore$/,
  /^Dockerfile(\..*)?$/, /\.[Dd]ockerfile$/, /^Containerfile(\..*)?$/, /^(docker-)?compose.*\.ya?ml$/, /^README(\..*)?$/i,
  /^(CHANGELOG|CONTRIBUTING|CODEOWNERS|AUTHORS)(\..*)?$/i, /^\.vscode$/, /^\.idea$/, /^\.editorconfig$/, /^e2e\.json$/, /^\.pre-commit-config\.yaml$/,
];

export interface AppFilesOptions {
  /** Language-specific top-level names not needed at run time (tests/, requirements.txt, spec/…). */
  notRuntime: readonly RegExp[];
  /** Commands that run in the app folder without adding files the program needs. */
  harmless(cmd: StageCommand): boolean;
}

export interface AppPiece {
  /** Absolute path in the builder (file or folder), copied to the same path. */
  path: string;
  /** `--chown` for the copy (as the builder's files were owned), or null. */
  chown: string | null;
  /** Folder that holds the app (for the non-root user's write access). */
  appDir: boolean;
}

export interface AppFiles {
  pieces: AppPiece[];
  /** Names left out, for the message. */
  left: string[];
  /** Folders copied whole because a later RUN writes into them, for the message. */
  written: string[];
  /** The app folders (not shared ones like /usr/local), with the owner they had in the builder. */
  dirs: { path: string; chown: string | null }[];
}

export const MAX_PIECES = 12;

export function appFiles(copies: readonly AppCopy[], files: readonly string[], commands: readonly StageCommand[], opts: AppFilesOptions): AppFiles {
  const notRuntime = (name: string) => NOT_RUNTIME.some((r) => r.test(name)) || opts.notRuntime.some((r) => r.test(name));
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');

  // Roots: copy destinations not inside another folder destination.
  const dirRoots = [...new Set(copies.filter((c) => c.destIsDir).map((c) => c.dest))];
  const topDirs = dirRoots.filter((d) => !dirRoots.some((o) => o !== d && inside(d, o) && !SHARED_DIRS.has(o)));
  const fileRoots = [...new Set(copies.filter((c) => !c.destIsDir).map((c) => c.dest))].filter((f) => !topDirs.some((d) => inside(f, d) && !SHARED_DIRS.has(d)));

  const out: AppFiles = { pieces: [], left: [], written: [], dirs: [] };
  const chownOf = (path: string) => ownerOf(path, copies, commands);
  for (const dir of topDirs.sort()) {
    const intoDir = copies.filter((c) => inside(c.dest, dir));
    const firstIndex = Math.min(...intoDir.map((c) => c.index));
    const entries = new Set<string>();
    let known = true;
    for (const c of intoDir) {
      const placed = placedFiles(c, files);
      if (!placed.length) known = false;
      for (const p of placed) {
        const rel = posix.relative(dir, p.image);
        if (rel && !rel.startsWith('..')) entries.add(rel.split('/')[0]);
      }
    }
    const shared = SHARED_DIRS.has(dir);
    if (!shared) out.dirs.push({ path: dir, chown: chownOf(dir) });
    const writer = commands.find((c) => c.ins.start > (intoDir.find((x) => x.index === firstIndex)?.ins.start ?? 0) && writesInto(c, dir, opts));
    const kept = [...entries].filter((e) => !notRuntime(e)).sort();
    const left = [...entries].filter((e) => notRuntime(e)).sort();
    if (!shared && (writer || !known || !left.length || kept.length > MAX_PIECES)) {
      if (writer && left.length) out.written.push(dir);
      out.pieces.push({ path: dir, chown: chownOf(dir), appDir: true });
      continue;
    }
    out.left.push(...left.map((e) => posix.join(dir, e)));
    for (const e of kept) {
      const p = posix.join(dir, e);
      out.pieces.push({ path: p, chown: chownOf(p), appDir: !shared });
    }
  }
  for (const f of fileRoots.sort()) {
    if (notRuntime(posix.basename(f))) {
      out.left.push(f);
      continue;
    }
    out.pieces.push({ path: f, chown: chownOf(f), appDir: false });
  }
  return out;
}

/** Whether a command may add or change files in `dir` (its working directory, or a path it names). */
function writesInto(cmd: StageCommand, dir: string, opts: AppFilesOptions): boolean {
  const inside = (p: string) => p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');
  const touches = inside(cmd.cwd) || cmd.argv.some((a) => a.startsWith('/') && (inside(a) || inside(a.replace(/^[<>]+/, ''))));
  if (!touches) return false;
  if (cmd.argv.some((a) => /^\d*[<>]/.test(a) && !/^\d*>&\d$/.test(a) && a !== '>/dev/null' && a !== '2>/dev/null')) return true;
  return !(READ_ONLY.has(programName(cmd.argv)) || opts.harmless(cmd));
}

/** Commands that do not create files in the folder they run in. */
const READ_ONLY = new Set([
  'apt-get', 'apt', 'apk', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'chmod', 'chown', 'chgrp', 'ls', 'cat', 'echo', 'true', 'test',
  'which', 'id', 'env', 'printenv', 'ln', 'update-ca-certificates', 'pwd',
]);

/** The owner a folder or file had in the builder: `COPY --chown=…` into it, or `chown` on it or a parent. */
export function ownerOf(path: string, copies: readonly AppCopy[], commands: readonly StageCommand[]): string | null {
  let owner: { at: number; value: string } | null = null;
  const covers = (target: string) => path === target || path.startsWith(target === '/' ? '/' : target + '/');
  for (const c of copies) {
    if (c.chown && covers(c.dest) && (!owner || c.ins.start > owner.at)) owner = { at: c.ins.start, value: c.chown };
  }
  for (const cmd of commands) {
    if (programName(cmd.argv) !== 'chown') continue;
    const args = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (args.length < 2 || !cmd.argv.slice(1).some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')) continue;
    const targets = args.slice(1).map((t) => posix.resolve(cmd.cwd, t));
    if (targets.some((t) => path === t || path.startsWith(t === '/' ? '/' : t + '/')) && (!owner || cmd.ins.start >= owner.at)) {
      owner = { at: cmd.ins.start, value: args[0] };
    }
  }
  return owner?.value ?? null;
}
