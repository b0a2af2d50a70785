// What each ecosystem module of the BuildKit pass provides.
import type { ContextFS } from '../../../src/context';
import type { Message, TextEdit } from '../../../src/types';
import type { BuilderView } from './builder';

export interface CacheSpec {
  /** What it holds, for messages: `the Go module cache (/go/pkg/mod)`. */
  label: string;
  target: string;
  /**
   * Holds what later steps read (modules, crates, jars, packages), not only a download cache: a
   * RUN without the mount would not see what a mounted one put there.
   */
  store: boolean;
  /** Variables that move it elsewhere (set in the stage: no mount). */
  movedBy: readonly string[];
  /** A reason this cache is of no use for these RUNs, or null. */
  unused?(env: ReadonlyMap<string, string | null>): string | null;
  /**
   * Words that only keep the cache out of the image (`--no-cache-dir`): dropped from the
   * toolchain's commands once the cache is mounted (a mounted cache is never in the image).
   */
  drop?: readonly string[];
}

/** A refusal, said in a message. */
export interface Refusal { refuse: string }

export interface DepsPlan {
  edits: TextEdit[];
  manifests: string[];
  command: string;
}

export interface PassState {
  view: BuilderView;
  ctx: ContextFS;
  /** Mount flags (each followed by a space) to put on a toolchain RUN the pass writes; '' when none. */
  mountText: string;
}

export interface Toolchain {
  /** A display name: `Go`, `npm`, … */
  name: string;
  /** Whether a simple command runs this toolchain (and so gets its cache mounts). */
  invokes(argv: readonly string[]): boolean;
  caches: readonly CacheSpec[];
  /** Builder images known to ship the store caches empty (a mount over them hides nothing). */
  officialImage: RegExp;
  /** A reason there is no cache to mount, when `caches` is empty. */
  noCaches?: string;
  /** Caches deliberately not mounted, said when cache mounts are asked for. */
  notMounted?: readonly { label: string; why: string }[];
  depsFirst(state: PassState): DepsPlan | Refusal | null;
  cross?(state: PassState): { edits: TextEdit[]; messages: Message[] } | Refusal | null;
  /** Why cross-compilation is not offered, when `cross` is absent. */
  noCross: string;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'refuse' in x;
}
