// The application files the runtime stage gets: what the Dockerfile copied from the build
// context, as whole folders, or entry by entry where a folder also holds things only the build or
// the developer needs (tests/, .git, Dockerfile, README…). A folder that a later RUN may write into
// (collectstatic, asset builds, `pip install -e .`) is copied whole: its new files only exist there.
import * as posix from 'path/posix';
import { placedFiles } from '../context-map';
import type { ServedFolder, SourceReads } from './folder-reads';
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

/** What the running program may read besides its modules (see folder-reads.ts). */
export interface FolderReads {
  /** The working directory of the start command (relative paths resolve against it). */
  workdir: string;
  /** Folders the start command serves. */
  served: readonly ServedFolder[];
  /** Reads of the app's sources, by context path (and of inline code, by a label). */
  sources: readonly SourceReads[];
  /** Why the sources could not all be read (too many, too large), or null. */
  incomplete: string | null;
}

export interface AppFiles {
  pieces: AppPiece[];
  /** Names left out, for the message. */
  left: string[];
  /** Folders copied whole because the start command serves them: program and folders. */
  served: { program: string; dirs: string[] }[];
  /** Folders copied whole because the program lists or reads folders stageify cannot bound. */
  readsAll: { where: string[]; dirs: string[] } | null;
  /** Files kept because a source names them: the files and the sources. */
  named: { files: string[]; where: string[] };
  /** Folders copied whole because a later RUN writes into them, for the message. */
  written: string[];
  /** The app folders (not shared ones like /usr/local), with the owner they had in the builder. */
  dirs: { path: string; chown: string | null }[];
}

export const MAX_PIECES = 12;

export function appFiles(copies: readonly AppCopy[], files: readonly string[], commands: readonly StageCommand[], opts: AppFilesOptions, reads?: FolderReads): AppFiles {
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');
  const byName = (name: string) => NOT_RUNTIME.some((r) => r.test(name)) || opts.notRuntime.some((r) => r.test(name));
  const program = programReads(copies, files, byName, inside, reads);
  const named = new Map<string, string[]>();
  /** An entry is left behind when its name says so and the program reads it in no way stageify sees. */
  const notRuntimeAt = (path: string) => {
    if (!byName(posix.basename(path))) return false;
    if (program.allDirs || program.paths.some((p) => inside(p.path, path) || inside(path, p.path))) return false;
    if (program.served.some((x) => x.dir !== null && (inside(x.dir, path) || inside(path, x.dir)))) return false;
    const by = program.naming(posix.basename(path));
    if (by.length) {
      named.set(path, by);
      return false;
    }
    return true;
  };

  // Roots: copy destinations not inside another folder destination.
  const dirRoots = [...new Set(copies.filter((c) => c.destIsDir).map((c) => c.dest))];
  const topDirs = dirRoots.filter((d) => !dirRoots.some((o) => o !== d && inside(d, o) && !SHARED_DIRS.has(o)));
  const fileRoots = [...new Set(copies.filter((c) => !c.destIsDir).map((c) => c.dest))].filter((f) => !topDirs.some((d) => inside(f, d) && !SHARED_DIRS.has(d)));

  const out: AppFiles = { pieces: [], left: [], written: [], dirs: [], served: [], readsAll: null, named: { files: [], where: [] } };
  const readsAllDirs: string[] = [];
  const listingWhere: string[] = [];
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
    const leftByName = [...entries].filter((e) => byName(e));
    const served = program.served.filter((s) => s.dir === null || inside(dir, s.dir));
    const listing = program.paths.filter((p) => inside(dir, p.path));
    const whole = served.length > 0 || program.allDirs || listing.length > 0;
    const kept = [...entries].filter((e) => whole || !notRuntimeAt(posix.join(dir, e))).sort();
    const left = [...entries].filter((e) => !kept.includes(e)).sort();
    if (leftByName.length && whole && !writer && known) {
      if (served.length) {
        for (const s of served) {
          const seen = out.served.find((x) => x.program === s.program);
          if (seen) seen.dirs.push(dir);
          else out.served.push({ program: s.program, dirs: [dir] });
        }
      } else {
        readsAllDirs.push(dir);
        for (const p of listing) if (!listingWhere.includes(p.where)) listingWhere.push(p.where);
      }
    }
    if (!shared && (writer || !known || !left.length || kept.length > MAX_PIECES)) {
      if (writer && leftByName.length) out.written.push(dir);
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
    const served = program.served.some((s) => s.dir === null || inside(f, s.dir));
    if (!served && notRuntimeAt(f)) {
      out.left.push(f);
      continue;
    }
    if (byName(posix.basename(f)) && served) {
      const s = program.served.find((x) => x.dir === null || inside(f, x.dir)) as ServedFolder;
      const seen = out.served.find((x) => x.program === s.program);
      if (seen) seen.dirs.push(f);
      else out.served.push({ program: s.program, dirs: [f] });
    } else if (byName(posix.basename(f)) && program.allDirs) readsAllDirs.push(f);
    out.pieces.push({ path: f, chown: chownOf(f), appDir: false });
  }
  if (readsAllDirs.length) out.readsAll = { where: [...program.where, ...listingWhere], dirs: readsAllDirs };
  for (const [path, by] of [...named].sort()) {
    if (!out.pieces.some((p) => inside(path, p.path))) continue;
    out.named.files.push(path);
    for (const b of by) if (!out.named.where.includes(b)) out.named.where.push(b);
  }
  return out;
}

interface ProgramReads {
  served: ServedFolder[];
  /** Folders (absolute) the program lists or serves by a literal path, and where. */
  paths: { path: string; where: string }[];
  /** The program reads folders stageify cannot bound: every app folder is kept whole. */
  allDirs: boolean;
  /** Where, for the message: `app.py (os.listdir())`. */
  where: string[];
  /** The sources that name an entry in a string (`'README.md'`, `'tests/data.json'`). */
  naming(entry: string): string[];
}

/**
 * The reads of the sources that run: a source counts unless every copy of it lands in an entry
 * left behind by its name alone (tests/ may list folders; they do not run in the container).
 */
function programReads(
  copies: readonly AppCopy[], files: readonly string[], byName: (name: string) => boolean, inside: (p: string, dir: string) => boolean, reads?: FolderReads,
): ProgramReads {
  const none: ProgramReads = { served: [], paths: [], allDirs: false, where: [], naming: () => [] };
  if (!reads) return none;
  const placements = new Map<string, string[]>();
  for (const c of copies) {
    for (const p of placedFiles(c, files)) placements.set(p.ctx, [...(placements.get(p.ctx) ?? []), p.image]);
  }
  const roots = copies.map((c) => c.dest);
  /** A path inside a copy root whose first entry below the root is left by name. */
  const leftByName = (image: string) =>
    roots.some((r) => {
      if (!inside(image, r) || image === r) return false;
      const rel = posix.relative(r, image).split('/');
      return rel.slice(0, -1).some((part) => byName(part)) || byName(rel[0]);
    });
  const running = reads.sources.filter((s) => {
    const at = placements.get(s.file);
    if (!at) return !files.includes(s.file); // inline code of the start command
    return at.some((image) => !leftByName(image));
  });
  const where: string[] = [];
  if (reads.incomplete) where.push(reads.incomplete);
  for (const s of running) if (s.unbounded.length) where.push(`${s.file}: ${s.unbounded.slice(0, 3).join(', ')}`);
  const strip = (n: string) => n.replace(/^\.\//, '');
  return {
    served: [...reads.served],
    paths: running.flatMap((s) => s.paths.map((p) => ({ path: posix.resolve(reads.workdir, p), where: `${s.file}: lists ${p}` }))),
    allDirs: where.length > 0,
    where,
    naming: (entry) =>
      running
        .filter((s) => s.names.some((raw) => {
          const n = strip(raw);
          return n === entry || n.startsWith(entry + '/') || n.endsWith('/' + entry) || n.includes('/' + entry + '/');
        }))
        .map((s) => s.file),
  };
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
