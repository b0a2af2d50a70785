// Public API of stageify: plan the rewrite of a Dockerfile given as text or as a path.
import * as path from 'path';
import { diskContext, emptyContext, memoryContext } from './context';
import type { ContextFS } from './context';
import type { ParseSummary } from './dockerfile';
import { planText, TRANSFORMS } from './engine';
import { inferredContext } from './context-resolve';
import { msg } from './messages';
import type { RepoBaseLookup } from './onbuild-base';
import { repoBaseLookup } from './repo-bases';
import { readRegularText } from './read-bytes';
import type { Ahead, AheadDockerfile } from './read-ahead';
import type { ContextInfo, FileResult, Message, OnbuildBaseFile, PlanOptions, TransformOptions } from './types';
import type { Transform } from './engine';
export type * from './types';
export { memoryContext, diskContext };
export type { ContextFS };
export { MESSAGES } from './messages';

export interface TransformInput extends TransformOptions {
  /** Build context folder, when there is one. */
  context?: string;
  /** An in-memory build context (tests, editors); wins over `context`. */
  contextFiles?: Record<string, string>;
  /** Path used in the result. */
  path?: string;
  /** Custom transforms, tried before the built-in ones. */
  extraTransforms?: ReadonlyArray<Transform<any>>;
  /** Declared build args, target and in-repository onbuild bases: see PlanOptions. */
  buildArgs?: Record<string, string | null>;
  target?: string;
  onbuildBases?: Record<string, string | OnbuildBaseFile>;
}

/** Largest file stageify reads. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Plans the rewrite of one Dockerfile given as text. Never throws for bad input: status 'error'. */
export function transformDockerfile(text: string, input: TransformInput = {}): FileResult {
  const ctx = input.contextFiles ? memoryContext(input.contextFiles) : input.context ? diskContext(input.context) : emptyContext;
  const hasContext = Boolean(input.contextFiles || input.context);
  const declared = { buildArgs: input.buildArgs, target: input.target, repoBase: input.onbuildBases ? repoBaseLookup(input.onbuildBases) : undefined };
  const result = run(text, 'utf8', input.path ?? '-', ctx, hasContext, input, input.extraTransforms, undefined, declared);
  if (input.context && !input.contextFiles) result.context = { path: path.resolve(input.context), source: 'flag' };
  return result;
}

/** What planFile takes besides PlanOptions: for batches. */
export interface PlanFileExtras {
  extraTransforms?: ReadonlyArray<Transform<any>>;
  ahead?: Ahead | null;
  /** The onbuild bases as a lookup shared by a batch (wins over `onbuildBases`). */
  repoBase?: RepoBaseLookup;
}

/**
 * Reads a Dockerfile (and its build context) from disk and plans its rewrite. Never throws.
 * `ahead`: what a reader thread already read of them (batches); the rest is read here.
 */
export function planFile(file: string, options: PlanOptions & PlanFileExtras = {}): FileResult {
  const df = options.ahead?.dockerfile ?? readDockerfile(file);
  if ('id' in df) return { path: file, status: 'error', messages: [df], original: '', output: '', encoding: 'utf8', edits: [] };
  // The context: given (flag, config, a declaration), else inferred from the file, else its folder.
  let context: ContextInfo;
  let aheadContext = options.ahead?.context;
  if (options.context !== undefined) {
    const given = options.contextSource ?? { source: 'flag' as const };
    context = { path: path.resolve(options.context), source: given.source };
    if (given.detail !== undefined) context.detail = given.detail;
  } else {
    const own = path.dirname(path.resolve(file));
    const inferred = inferredContext(path.resolve(file), df.text, null);
    context = inferred && inferred.path !== own ? inferred : { path: own, source: 'default' };
    // What was read ahead belongs to the Dockerfile's folder.
    if (context.path !== own) aheadContext = undefined;
  }
  const ctx = diskContext(context.path, undefined, { ahead: aheadContext, dockerfile: path.resolve(file) });
  const parsed = options.ahead?.dockerfile.parsed;
  const repoBase = options.repoBase ?? (options.onbuildBases ? repoBaseLookup(options.onbuildBases) : undefined);
  const result = run(df.text, df.encoding, file, ctx, true, options, options.extraTransforms, parsed, { buildArgs: options.buildArgs, target: options.target, repoBase });
  result.stat = { mtimeMs: df.mtimeMs, size: df.size, mode: df.mode };
  result.context = context;
  return result;
}

/** A Dockerfile's text and stat, or why it cannot be planned. */
function readDockerfile(file: string): AheadDockerfile | Message {
  const r = readRegularText(file, MAX_FILE_BYTES);
  if (!('kind' in r)) return r;
  switch (r.kind) {
    case 'link': return msg('input/not-a-file', { reason: 'a symbolic link (stageify never writes through links)' });
    case 'directory': return msg('input/not-a-file', { reason: 'a directory' });
    case 'special': return msg('input/not-a-file', { reason: 'a special file' });
    case 'too-large': return msg('input/too-large', { limit: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
    case 'error': return msg('input/unreadable', { reason: `cannot read the file: ${errText(r.error)}` });
  }
}

function run(
  text: string, encoding: 'utf8' | 'latin1', file: string, ctx: ContextFS, hasContext: boolean, options: TransformOptions,
  extra?: ReadonlyArray<Transform<any>>, parsed?: ParseSummary,
  declared?: { buildArgs?: Record<string, string | null>; target?: string; repoBase?: RepoBaseLookup },
): FileResult {
  const opts: TransformOptions = {
    runtime: options.runtime, user: options.user, builderName: options.builderName,
    registryMirror: options.registryMirror, transforms: options.transforms, buildkit: options.buildkit,
  };
  try {
    const transforms = extra?.length ? [...extra, ...TRANSFORMS] : undefined;
    const plan = planText(text, { ctx, hasContext, options: opts, transforms, parsed, ...declared });
    // Built field by field: a spread copy with more keys is slow in V8, and this runs per file.
    const result: FileResult = { path: file, original: text, encoding, status: plan.status, messages: plan.messages, output: plan.output, edits: plan.edits };
    if ('baseBefore' in plan) result.baseBefore = plan.baseBefore;
    if ('baseAfter' in plan) result.baseAfter = plan.baseAfter;
    return result;
  } catch (e) {
    return {
      path: file, status: 'error', messages: [msg('internal/error', { reason: errText(e) })], original: text, output: text, encoding, edits: [],
    };
  }
}

function errText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const code = String((e as { code: unknown }).code);
    const m = /^[A-Z]+: (.*?)(,|$)/.exec(String((e as { message: unknown }).message));
    return m ? `${code}: ${m[1]}` : code;
  }
  return e instanceof Error ? e.message : String(e);
}
