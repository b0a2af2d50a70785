// What the Go transform needs to know about the build context, read through ContextFS.
// Scanning is conservative: any doubt about cgo means cgo is kept (a bigger image, not a broken one).
import type { ContextFS } from '../../src/context';
import { fileConstraints } from './build-constraints';
import type { FileConstraints } from './build-constraints';
import type { StartScriptText } from './start-script';

export interface GoModule {
  /** Folder of go.mod, relative to the context ('' = root). */
  dir: string;
  path: string;
  requires: string[];
}

export interface GoFacts {
  /** Files in the context (relative POSIX paths); empty when there is no context. */
  files: string[];
  truncated: boolean;
  hasContext: boolean;
  modules: GoModule[];
  /** Why cgo is needed (empty: no sign of cgo). */
  cgo: string[];
  /** C++ sources or libstdc++ users: the runtime needs libstdc++. */
  cxx: boolean;
  /** Folders (relative) that hold a `package main`. */
  mainDirs: string[];
  /** The non-test Go files of the folders in mainDirs: which of them a build includes decides the package. */
  mainDirFiles: GoFileHead[];
  /** Folders with Go files that were not read (too many, or unreadable): their packages are unknown. */
  unreadGoDirs: string[];
  /** Paths (relative) that `//go:embed` patterns name, compiled into the binary. */
  embedded: string[];
  /** Import comment of the package at the context root, or the content of `.godir`. */
  rootImportPath: string | null;
  /**
   * Programs the project's own Go code starts by a literal name (`exec.Command("git", …)`,
   * `exec.LookPath("ffmpeg")`), with the file that names each: they must exist at run time.
   */
  programsRun: { program: string; file: string }[];
  /** The start script the start command names, read from the context (see start-script.ts). */
  startScripts?: StartScriptText[];
}

/** Modules whose Go packages need cgo (facts from their documentation and issue trackers). */
export const CGO_MODULES = [
  'github.com/mattn/go-sqlite3',
  'github.com/confluentinc/confluent-kafka-go',
  'github.com/google/gopacket/pcap',
  'github.com/tecbot/gorocksdb',
  'github.com/linxGnu/grocksdb',
  'github.com/DataDog/zstd',
  'github.com/valyala/gozstd',
  'gopkg.in/gographics/imagick',
  'github.com/h2non/bimg',
  'github.com/davidbyttow/govips',
  'gocv.io/x/gocv',
  'github.com/godror/godror',
  'github.com/mattn/go-oci8',
  'github.com/ibmdb/go_ibm_db',
  'github.com/go-gl/glfw',
  'github.com/veandco/go-sdl2',
  'github.com/miekg/pkcs11',
  'github.com/rjeczalik/notify',
  'github.com/libgit2/git2go',
  'github.com/ceph/go-ceph',
  'github.com/bytedance/sonic/loader',
];

export function isCgoModule(path: string): string | null {
  for (const m of CGO_MODULES) if (path === m || path.startsWith(m + '/') || path.startsWith(m + '.v')) return m;
  return null;
}

export interface GoFileHead {
  /** Folder, relative to the context ('' = root). */
  dir: string;
  name: string;
  pkg: string | null;
  constraints: FileConstraints;
  /** Starts other programs (imports os/exec, calls syscall.Exec or os.StartProcess). */
  execs: boolean;
}

const MAX_GO_FILES = 3000;
const MAX_GO_BYTES = 256 * 1024;

export function gatherGoFacts(ctx: ContextFS, hasContext: boolean): GoFacts {
  const { files, truncated } = hasContext ? ctx.listFiles() : { files: [], truncated: true };
  const modules: GoModule[] = [];
  const cgo: string[] = [];
  const mainDirs = new Set<string>();
  const heads: GoFileHead[] = [];
  const unreadGoDirs = new Set<string>();
  const embedded: string[] = [];
  let cxx = false;
  let rootImportPath: string | null = null;
  let goFilesRead = 0;
  const programsRun: GoFacts['programsRun'] = [];

  for (const f of files) {
    const base = f.slice(f.lastIndexOf('/') + 1);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    if (base === 'go.mod') {
      const text = ctx.readText(f);
      if (text !== null) {
        const mod = parseGoMod(text, dir);
        modules.push(mod);
        for (const r of mod.requires) {
          const hit = isCgoModule(r);
          if (hit) cgo.push(`${hit} in ${f}`);
        }
      }
    } else if (f === 'vendor/modules.txt' || f.endsWith('/vendor/modules.txt')) {
      const text = ctx.readText(f) ?? '';
      for (const m of text.matchAll(/^# (\S+) /gm)) {
        const hit = isCgoModule(m[1]);
        if (hit) cgo.push(`${hit} in ${f}`);
      }
    } else if (base === '.godir' && dir === '') {
      const t = (ctx.readText(f) ?? '').trim();
      if (t && !rootImportPath) rootImportPath = t;
    } else if (/\.(cc|cpp|cxx|hpp)$/.test(base)) {
      cxx = true;
    } else if (base.endsWith('.go') && !base.endsWith('_test.go')) {
      if (goFilesRead >= MAX_GO_FILES) {
        unreadGoDirs.add(dir);
        continue;
      }
      goFilesRead++;
      // Imports come first in a Go file: a large (generated) file is checked by its head.
      const text = ctx.readText(f, MAX_GO_BYTES, true);
      if (text === null) {
        unreadGoDirs.add(dir);
        continue;
      }
      const scan = scanGoSource(text);
      heads.push({ dir, name: base, pkg: scan.pkg, constraints: fileConstraints(text), execs: scan.pkg === 'main' && startsPrograms(text, scan.imports) });
      if (text.length >= MAX_GO_BYTES / 4 && Buffer.byteLength(text) >= MAX_GO_BYTES && !importSectionEnds(text)) {
        cgo.push(`${f} is too large to check for cgo`);
      }
      if (scan.pkg === 'main') mainDirs.add(dir);
      if (scan.importsC) cgo.push(`import "C" in ${f}`);
      for (const imp of scan.imports) {
        const hit = isCgoModule(imp);
        if (hit) cgo.push(`${hit} imported by ${f}`);
      }
      for (const pat of scan.embeds) embedded.push(dir ? `${dir}/${pat}` : pat);
      if (scan.imports.includes('os/exec') && isOwnCode(f, scan.pkg)) for (const program of programsNamed(text)) programsRun.push({ program, file: f });
      if (dir === '' && scan.importComment && !rootImportPath) rootImportPath = scan.importComment;
    }
  }
  if (goFilesRead >= MAX_GO_FILES) cgo.push(`more than ${MAX_GO_FILES} Go files: not all were checked for cgo`);
  return {
    files, truncated, hasContext, modules, cgo: dedupe(cgo), cxx, mainDirs: [...mainDirs].sort(),
    mainDirFiles: heads.filter((h) => mainDirs.has(h.dir)), unreadGoDirs: [...unreadGoDirs].sort(), embedded, rootImportPath,
    programsRun,
  };
}

/**
 * Code of the project itself that may run in the container: not vendored or example code, and not
 * a main package of a helper tool (tools/, hack/, scripts/, examples/, testdata, `_` folders).
 */
function isOwnCode(file: string, pkg: string | null): boolean {
  const parts = file.split('/').slice(0, -1);
  if (parts.some((p) => p === 'vendor' || p === 'testdata' || p.startsWith('_') || p.startsWith('.'))) return false;
  if (pkg === 'main' && parts.some((p) => ['tools', 'hack', 'scripts', 'examples', 'example', 'internal/tools'].includes(p))) return false;
  return true;
}

/** Literal program names given to exec.Command / exec.CommandContext / exec.LookPath. */
export function programsNamed(text: string): string[] {
  const out = new Set<string>();
  const code = text.replace(/\/\/[^\n]*/g, '');
  for (const m of code.matchAll(/\bexec\.(?:Command\s*\(|CommandContext\s*\([^,()]*,|LookPath\s*\()\s*"([^"\\]+)"/g)) out.add(m[1]);
  for (const m of code.matchAll(/\bexec\.(?:Command\s*\(|CommandContext\s*\([^,()]*,|LookPath\s*\()\s*`([^`]+)`/g)) out.add(m[1]);
  return [...out];
}

/** Whether a Go file starts other programs: a binary that may run the others built beside it. */
function startsPrograms(text: string, imports: readonly string[]): boolean {
  if (imports.includes('os/exec')) return true;
  return (text.includes('.Exec(') || text.includes('.StartProcess(')) && /\b(?:syscall|unix)\.Exec\(|\bos\.StartProcess\(/.test(text);
}

export function parseGoMod(text: string, dir: string): GoModule {
  const path = /^\s*module\s+"?([^\s"]+)"?/m.exec(text)?.[1] ?? '';
  const requires: string[] = [];
  // Most go.mod files of small services require nothing: no scan for what is not there.
  if (!text.includes('require')) return { dir, path, requires };
  for (const m of text.matchAll(/^\s*require\s+([^\s(]+)\s/gm)) requires.push(m[1]);
  for (const block of text.matchAll(/^\s*require\s*\(([\s\S]*?)\)/gm)) {
    for (const l of block[1].split('\n')) {
      const w = l.trim().split(/\s+/)[0];
      if (w && !w.startsWith('//')) requires.push(w);
    }
  }
  return { dir, path, requires };
}

export interface GoSourceScan {
  pkg: string | null;
  importsC: boolean;
  imports: string[];
  embeds: string[];
  importComment: string | null;
}

export function scanGoSource(text: string): GoSourceScan {
  // Only the header matters: package clause, build tags, imports. Strip block comments first
  // (they may hold `import "C"` preambles, which are real only right above the import).
  const pkgMatch = /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)(.*)$/m.exec(text);
  const pkg = pkgMatch ? pkgMatch[1] : null;
  const importComment = pkgMatch ? /\/[/*]\s*import\s+"([^"]+)"/.exec(pkgMatch[2])?.[1] ?? null : null;
  const imports: string[] = [];
  // (Each pass only where its comment marker occurs at all.)
  let noComments = text.includes('/*') ? text.replace(/\/\*[\s\S]*?\*\//g, '') : text;
  if (noComments.includes('//')) noComments = noComments.replace(/\/\/[^\n]*/g, '');
  if (noComments.includes('import')) {
    for (const m of noComments.matchAll(/^\s*import\s+(?:[A-Za-z_.]+\s+)?"([^"]+)"/gm)) imports.push(m[1]);
    for (const block of noComments.matchAll(/^\s*import\s*\(([\s\S]*?)\)/gm)) {
      for (const m of block[1].matchAll(/(?:^|\n)\s*(?:[A-Za-z_.]+\s+)?"([^"]+)"/g)) imports.push(m[1]);
    }
  }
  const embeds: string[] = [];
  for (const m of text.includes('go:embed') ? text.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm) : []) {
    // Patterns are space-separated; a pattern with spaces is a Go string ("…" or `…`).
    for (const p of m[1].trim().matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)) {
      embeds.push((p[1] ?? p[2] ?? p[3]).replace(/^all:/, ''));
    }
  }
  return { pkg, importsC: imports.includes('C'), imports: imports.filter((i) => i !== 'C'), embeds, importComment };
}

/**
 * Whether a declaration after the imports shows in the text (the head of a file): its import
 * section is complete. A block comment still open at the end of the head hides the rest.
 */
export function importSectionEnds(text: string): boolean {
  return /^(?:func|type|var|const)\b/m.test(text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ''));
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
