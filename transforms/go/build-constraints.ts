// Which Go files a build includes: `//go:build` and `// +build` lines, GOOS/GOARCH file-name
// suffixes and the names the go tool skips, judged as the builder's Go version judges them.
// Answers are true, false or null (cannot tell here: the builder's CPU, GOEXPERIMENT, …).

export type Tri = boolean | null;

/** The build constraints written in a file's header. */
export interface FileConstraints {
  /** The `//go:build` expression (Go 1.17 and later prefer it), or null. */
  goBuild: string | null;
  /** `// +build` lines (all must hold), or null when there are none. */
  plusBuild: string[] | null;
}

/** What a build is made for: GOOS, GOARCH (null: the builder's CPU), tags, cgo, Go version. */
export interface BuildEnv {
  goos: string;
  goarch: string | null;
  /** Minor version of Go 1.x, or null for the newest (an unversioned tag such as `latest`). */
  goMinor: number | null;
  /** Tags given with -tags (and -race, -msan, -asan). */
  tags: ReadonlySet<string>;
  /** CGO_ENABLED when the build sets it, else null. */
  cgo: boolean | null;
}

/** Known GOOS values and the Go minor version that first knew each (as a file-name suffix). */
const KNOWN_OS: ReadonlyMap<string, number> = new Map([
  ['aix', 12], ['android', 4], ['darwin', 0], ['dragonfly', 0], ['freebsd', 0], ['hurd', 12], ['illumos', 14], ['ios', 16],
  ['js', 11], ['linux', 0], ['nacl', 0], ['netbsd', 0], ['openbsd', 0], ['plan9', 0], ['solaris', 0], ['wasip1', 21],
  ['windows', 0], ['zos', 12],
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
const UNIX_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);
/** Go 1.x releases up to this one are certain for an unversioned tag (`golang:latest`). */
const OLDEST_LATEST_MINOR = 21;

/**
 * The constraint lines of a Go file, as go/build finds them: `//go:build` anywhere in the comments
 * before the package clause; `// +build` only in the `//` comments that a blank line separates
 * from the rest.
 */
export function fileConstraints(text: string): FileConstraints {
  if (!text.includes('+build') && !text.includes('go:build')) return { goBuild: null, plusBuild: null };
  let goBuild: string | null = null;
  let end = 0; // where the last blank line of the leading `//` comments ends
  let ended = false;
  let inBlock = false;
  let pos = 0;
  lines: while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    let line = text.slice(pos, nl < 0 ? text.length : nl).trim();
    pos = next;
    if (!line && !ended) {
      end = pos;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inBlock && /^\/\/go:build(\s|$)/.test(line) && goBuild === null) goBuild = line.slice('//go:build'.length).trim();
    while (line) {
      if (inBlock) {
        const close = line.indexOf('*/');
        if (close < 0) continue lines;
        inBlock = false;
        line = line.slice(close + 2).trim();
        continue;
      }
      if (line.startsWith('//')) continue lines;
      if (line.startsWith('/*')) {
        inBlock = true;
        line = line.slice(2).trim();
        continue;
      }
      break lines;
    }
  }
  const plusBuild: string[] = [];
  for (const l of text.slice(0, end).split('\n')) {
    const m = /^\s*\/\/\s*\+build(?:\s+(.*))?$/.exec(l);
    if (m) plusBuild.push((m[1] ?? '').trim());
  }
  return { goBuild, plusBuild: plusBuild.length ? plusBuild : null };
}

/** Whether the build includes a file with these constraints. */
export function constraintsHold(c: FileConstraints, env: BuildEnv): Tri {
  // `//go:build` wins from Go 1.17 on; older releases read only `// +build`.
  if (c.goBuild !== null && (env.goMinor === null || env.goMinor >= 17)) return evalGoBuild(c.goBuild, env);
  if (!c.plusBuild) return true;
  return and(c.plusBuild.map((l) => evalPlusBuild(l, env)));
}

/** Whether a file name passes the go tool's rules: `_`/`.` prefixes, `_test`, GOOS/GOARCH suffixes. */
export function fileNameHolds(name: string, env: BuildEnv): Tri {
  if (name.startsWith('_') || name.startsWith('.') || !name.endsWith('.go')) return false;
  let stem = name.slice(0, -3);
  if (stem.endsWith('_test')) return false;
  const i = stem.indexOf('_');
  if (i < 0) return true;
  stem = stem.slice(i);
  const parts = stem.split('_');
  const n = parts.length;
  const isOs = (s: string) => {
    const since = KNOWN_OS.get(s);
    return since !== undefined && (env.goMinor === null || env.goMinor >= since);
  };
  if (n >= 2 && isOs(parts[n - 2]) && KNOWN_ARCH.has(parts[n - 1])) return and([osMatches(parts[n - 2], env), archMatches(parts[n - 1], env)]);
  if (isOs(parts[n - 1])) return osMatches(parts[n - 1], env);
  if (KNOWN_ARCH.has(parts[n - 1])) return archMatches(parts[n - 1], env);
  return true;
}

function osMatches(os: string, env: BuildEnv): boolean {
  return os === env.goos || (os === 'linux' && env.goos === 'android') || (os === 'solaris' && env.goos === 'illumos') || (os === 'darwin' && env.goos === 'ios');
}

function archMatches(arch: string, env: BuildEnv): Tri {
  return env.goarch === null ? null : arch === env.goarch;
}

/** The value of one build tag. Tags nobody sets (`ignore`, `tools`, `integration`) are false. */
export function tagHolds(tag: string, env: BuildEnv): Tri {
  if (env.tags.has(tag)) return true;
  if (KNOWN_OS.has(tag)) return osMatches(tag, env);
  if (KNOWN_ARCH.has(tag)) return archMatches(tag, env);
  if (tag === 'unix') return (env.goMinor === null || env.goMinor >= 19) && UNIX_OS.has(env.goos);
  if (tag === 'cgo') return env.cgo;
  if (tag === 'gc') return true;
  const release = /^go1\.(\d+)$/.exec(tag);
  if (release) {
    const n = Number(release[1]);
    if (env.goMinor !== null) return n <= env.goMinor;
    return n <= OLDEST_LATEST_MINOR ? true : null;
  }
  if (tag.startsWith('goexperiment.') || tag === 'boringcrypto') return null;
  return false;
}

function and(xs: Tri[]): Tri {
  if (xs.includes(false)) return false;
  return xs.includes(null) ? null : true;
}

function or(xs: Tri[]): Tri {
  if (xs.includes(true)) return true;
  return xs.includes(null) ? null : false;
}

function not(x: Tri): Tri {
  return x === null ? null : !x;
}

/** `// +build a,b !c`: options separated by spaces (any holds), terms by commas (all hold). */
function evalPlusBuild(line: string, env: BuildEnv): Tri {
  const options = line.split(/\s+/).filter(Boolean);
  if (!options.length) return true;
  return or(options.map((opt) => and(opt.split(',').map((term) => {
    const neg = term.startsWith('!');
    const tag = neg ? term.slice(1) : term;
    if (!/^[\w.]+$/.test(tag)) return false; // go/build rejects malformed terms
    return neg ? not(tagHolds(tag, env)) : tagHolds(tag, env);
  }))));
}

/** A `//go:build` expression: `||`, `&&`, `!`, parentheses, tags. Malformed: null. */
export function evalGoBuild(expr: string, env: BuildEnv): Tri {
  const tokens = expr.match(/\|\||&&|!|\(|\)|[\w.]+|\S/g) ?? [];
  let k = 0;
  let bad = false;
  const orExpr = (): Tri => {
    const xs = [andExpr()];
    while (tokens[k] === '||') {
      k++;
      xs.push(andExpr());
    }
    return or(xs);
  };
  const andExpr = (): Tri => {
    const xs = [unary()];
    while (tokens[k] === '&&') {
      k++;
      xs.push(unary());
    }
    return and(xs);
  };
  const unary = (): Tri => {
    const t = tokens[k++];
    if (t === '!') return not(unary());
    if (t === '(') {
      const v = orExpr();
      if (tokens[k++] !== ')') bad = true;
      return v;
    }
    if (t === undefined || !/^[\w.]+$/.test(t)) {
      bad = true;
      return null;
    }
    return tagHolds(t, env);
  };
  const v = orExpr();
  return bad || k !== tokens.length ? null : v;
}
