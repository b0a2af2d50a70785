// The interface every transform implements. A transform is two functions: `gather` reads the
// facts it needs from the build context (the only I/O, through ContextFS), and `plan` is pure.
import type { ContextFS } from '../src/context';
import type { ParsedDockerfile, Stage } from '../src/dockerfile';
import type { ImageRef } from '../src/image-ref';
import type { MessageTable } from '../src/messages';
import type { Message, TextEdit, TransformOptions } from '../src/types';

export interface TransformInput {
  file: ParsedDockerfile;
  /** The single stage being split. */
  stage: Stage;
  /** The stage's base image with ARGs before FROM expanded. */
  base: ImageRef;
  /** The base image reference as written (may hold `${VAR}`). */
  baseRaw: string;
  /** Values of the ARGs declared before the first FROM. */
  globalArgs: Map<string, string | undefined>;
  options: TransformOptions;
  /** Whether a build context was available (false for stdin without a path). */
  hasContext: boolean;
}

export type TransformOutcome =
  | { kind: 'rewrite'; edits: TextEdit[]; messages: Message[]; baseAfter: string }
  /** A first pass (e.g. ONBUILD triggers written out): the engine applies it and plans again. */
  | { kind: 'expand'; edits: TextEdit[]; messages: Message[] }
  | { kind: 'skip'; messages: Message[] };

export interface Transform<Facts = unknown> {
  /** Stable id: `go`, `node`, … */
  id: string;
  /** Its own message table (ids `<id>/…`), registered by the registry. */
  messages?: MessageTable;
  /** Whether this transform handles a stage built on this image. */
  matches(base: ImageRef): boolean;
  /**
   * Plans a base whose tag holds a variable with no value (`golang:${GO_VERSION}`): `base.tag`
   * then keeps the `${…}` as written, and the plan must not depend on what it will be.
   */
  plansWithoutTag?: boolean;
  /** Reads what `plan` needs from the build context. */
  gather(ctx: ContextFS, input: TransformInput): Facts;
  /**
   * Files at the context root that `gather` reads, by name or ending: in a batch a reader thread
   * reads them ahead (an optimisation only: any other file is read when asked for).
   */
  readsAhead?: { names?: readonly string[]; suffixes?: readonly string[] };
  /** Pure: edits and messages, or a reason to leave the file alone. */
  plan(input: TransformInput, facts: Facts): TransformOutcome;
}

/** A reason to leave the file alone. */
export function skip(...messages: Message[]): TransformOutcome {
  return { kind: 'skip', messages };
}

/** A first pass (ONBUILD triggers written out), its refusal, or nothing to expand. */
export type FirstPass = { edits: TextEdit[]; messages: Message[] } | { skip: Message } | null;

/** Plans with a first pass: expand when it has edits, stop when it refuses, else plan the split. */
export function withFirstPass(first: FirstPass, split: () => TransformOutcome): TransformOutcome {
  if (first && 'skip' in first) return skip(first.skip);
  if (first) return { kind: 'expand', edits: first.edits, messages: first.messages };
  return split();
}
