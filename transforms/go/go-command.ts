// The go command line: flags, packages and the binary names `go build` / `go install` produce.
import * as posix from 'path/posix';

/** Flags of go build/install/run/get that take a value. */
const VALUE_FLAGS = new Set([
  'o', 'ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'modfile', 'p', 'pkgdir', 'buildmode', 'compiler',
  'gccgoflags', 'installsuffix', 'overlay', 'pgo', 'toolexec', 'C', 'covermode', 'coverpkg', 'exec', 'debug-actiongraph',
]);

export interface GoArgs {
  flags: Map<string, string>;
  /** Flag words as written (to pass on, e.g. from `go run` to `go build`). */
  flagWords: string[];
  packages: string[];
  /** For `go run`: the program's own arguments. */
  programArgs: string[];
}

export function parseGoArgs(args: string[], sub: string): GoArgs {
  const flags = new Map<string, string>();
  const flagWords: string[] = [];
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (a === '--') {
      k++;
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(a);
    if (!m) break;
    const name = m[1];
    flagWords.push(a);
    if (m[2] !== undefined) flags.set(name, m[2]);
    else if (VALUE_FLAGS.has(name) && k + 1 < args.length) {
      flags.set(name, args[k + 1]);
      flagWords.push(args[++k]);
    } else flags.set(name, 'true');
  }
  const rest = args.slice(k);
  if (sub === 'run') {
    // `go run` takes a list of .go files, or one package; what follows is the program's.
    let n = 0;
    while (n < rest.length && rest[n].endsWith('.go')) n++;
    if (n === 0 && rest.length) n = 1;
    return { flags, flagWords, packages: rest.slice(0, n), programArgs: rest.slice(n) };
  }
  return { flags, flagWords, packages: rest, programArgs: [] };
}

/** Last element of an import path, skipping a major-version suffix (`example.com/x/v2` → `x`). */
export function lastElement(importPath: string): string {
  const parts = importPath.replace(/@.*$/, '').split('/').filter(Boolean);
  let last = parts[parts.length - 1] ?? '';
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  return last;
}

export function isRelativePackage(p: string): boolean {
  return p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || p.startsWith('/');
}

/**
 * The binary name of one package argument. `moduleAt(dir)` gives the module path when `dir`
 * (an image path) is a module root, so `go build` in /src of `module example.com/greeter`
 * names the binary `greeter`.
 */
export function binaryName(pkg: string, cwd: string, moduleAt: (dir: string) => string | null): string | null {
  if (pkg.endsWith('.go')) return posix.basename(pkg, '.go');
  if (pkg.includes('...')) return null;
  if (isRelativePackage(pkg)) {
    const dir = posix.resolve(cwd, pkg);
    const mod = moduleAt(dir);
    if (mod) return lastElement(mod);
    return lastElement(dir) || null;
  }
  return lastElement(pkg) || null;
}
