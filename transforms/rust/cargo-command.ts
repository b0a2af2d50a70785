// The cargo command line: the flags that decide where `cargo build` / `cargo install` /
// `cargo run` put a binary (profile, target triple, target dir, root, --bin, --package).

/** Flags of cargo build/install/run that take a value (as the next word or after `=`). */
const VALUE_FLAGS = new Set([
  '--bin', '--package', '-p', '--target', '--target-dir', '--manifest-path', '--profile', '--features', '-F',
  '--jobs', '-j', '--color', '--config', '--message-format', '-Z', '--exclude', '--example', '--test', '--bench',
  '--path', '--root', '--git', '--branch', '--tag', '--rev', '--version', '--vers', '--registry', '--index',
  '--lockfile-path', '--artifact-dir', '--out-dir', '--timings',
]);
/** Value flags whose value is optional: they take one only with `=`. */
const OPTIONAL_VALUE = new Set(['--timings']);

export interface CargoArgs {
  sub: string;
  /** Last value of each flag (flags without a value: 'true'). */
  flags: Map<string, string>;
  /** Every value of repeatable flags (--bin, --target, --package). */
  multi: Map<string, string[]>;
  /** Words before `--` that are not flags (crate names for `cargo install`). */
  positional: string[];
  /** For `cargo run`: the program's own arguments (after `--`). */
  programArgs: string[];
  /** The words of the command before `--`, as written (to rebuild `cargo build` from `cargo run`). */
  buildWords: string[];
}

const ALIASES: Record<string, string> = { '-p': '--package', '-F': '--features', '-j': '--jobs', '-r': '--release', '-q': '--quiet', '-v': '--verbose', '--vers': '--version' };
const SUB_ALIASES: Record<string, string> = { b: 'build', r: 'run' };

/** Parses the words after `cargo` (toolchain `+nightly` and global flags before the subcommand skipped). */
export function parseCargoArgs(words: string[]): CargoArgs | null {
  let k = 0;
  while (k < words.length && (words[k].startsWith('+') || words[k].startsWith('-'))) {
    // Global flags that take a value: `cargo --config k=v build`, `cargo -Z x build`, `cargo -C dir build`.
    if (['--config', '-Z', '--color', '-C'].includes(words[k]) && k + 1 < words.length) k++;
    k++;
  }
  if (k >= words.length) return null;
  const sub = SUB_ALIASES[words[k]] ?? words[k];
  const flags = new Map<string, string>();
  const multi = new Map<string, string[]>();
  const positional: string[] = [];
  const buildWords: string[] = [];
  let programArgs: string[] = [];
  const add = (name: string, value: string) => {
    flags.set(name, value);
    multi.set(name, [...(multi.get(name) ?? []), value]);
  };
  for (let i = k + 1; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      programArgs = words.slice(i + 1);
      break;
    }
    buildWords.push(w);
    const m = /^(--?[A-Za-z][\w-]*)(?:=(.*))?$/s.exec(w);
    if (!m) {
      positional.push(w);
      continue;
    }
    const name = ALIASES[m[1]] ?? m[1];
    if (m[2] !== undefined) add(name, m[2]);
    else if ((VALUE_FLAGS.has(m[1]) || VALUE_FLAGS.has(name)) && !OPTIONAL_VALUE.has(name) && i + 1 < words.length) {
      add(name, words[i + 1]);
      buildWords.push(words[++i]);
    } else add(name, 'true');
  }
  return { sub, flags, multi, positional, programArgs, buildWords };
}

/** The folder name under the target dir for a build's profile (`dev`/`test` → `debug`). */
export function profileDir(args: CargoArgs): string {
  const profile = args.flags.get('--profile');
  if (profile) return profile === 'dev' || profile === 'test' ? 'debug' : profile === 'bench' ? 'release' : profile;
  if (args.sub === 'install') return args.flags.has('--debug') ? 'debug' : 'release';
  return args.flags.has('--release') ? 'release' : 'debug';
}

/** What the binary links against, from the target triple and RUSTFLAGS. */
export function linkageOf(triple: string, rustflags: string): 'glibc' | 'musl' | 'none' {
  const musl = /musl/.test(triple);
  if (/[-]crt-static/.test(rustflags.replace(/\+crt-static/g, ''))) return musl ? 'musl' : 'glibc';
  if (/\+crt-static/.test(rustflags)) return 'none';
  // Rust's musl targets link the C library statically unless told otherwise.
  return musl ? 'none' : 'glibc';
}

/** Host triple of an official rust image by its tag: alpine images build for musl. */
export function hostTriple(tag: string | null): string {
  return /alpine/.test(tag ?? '') ? 'x86_64-unknown-linux-musl' : 'x86_64-unknown-linux-gnu';
}
