// Which folder each Dockerfile is built from, first match wins:
//   1 `--context`  2 the config (`context`, `overrides[].context`)  3 a declaration in the repository
//   (compose service or bake target whose Dockerfile is this file)  4 inferred from the file's own
//   COPY/ADD sources (context-infer.ts)  5 the Dockerfile's folder.
// Steps 1–3 and 5 need no more than the paths; step 4 needs the file's text, so it runs where the
// text is read (planFile).
import * as path from 'path';
import type { BuildDeclaration, DeclarationProblem, Declarations } from './build-declarations';
import type { ContextInfo, ContextSource, OnbuildBaseFile } from './types';

/** One way a file is built: its context and what the build is declared with. */
export interface ContextChoice extends ContextInfo {
  buildArgs?: Record<string, string | null>;
  target?: string;
  additionalContexts?: Record<string, string>;
}

export interface ResolveInput {
  /** --context, absolute. */
  flag?: string;
  /** The config's context for this file, absolute. */
  config?: string;
  declarations?: Declarations | null;
  /** For details: paths are shown relative to it. */
  cwd: string;
}

/**
 * The context(s) of a Dockerfile from steps 1–3; null when none applies (infer, then default).
 * Several declarations that build it differently give several choices.
 */
export function declaredContexts(abs: string, input: ResolveInput): ContextChoice[] | null {
  if (input.flag !== undefined) return [{ path: input.flag, source: 'flag', detail: '--context' }];
  if (input.config !== undefined) return [{ path: input.config, source: 'config' }];
  const decls = input.declarations?.byDockerfile.get(abs);
  if (!decls?.length) return null;
  return decls.map((d) => choiceOf(d, input.cwd));
}

function choiceOf(d: BuildDeclaration, cwd: string): ContextChoice {
  const c: ContextChoice = { path: d.context, source: d.source, detail: describeDeclaration(d, cwd) };
  if (Object.keys(d.args).length) c.buildArgs = d.args;
  if (d.target !== undefined) c.target = d.target;
  if (d.additionalContexts && Object.keys(d.additionalContexts).length) c.additionalContexts = d.additionalContexts;
  return c;
}

/** `compose.yaml service web`, `docker-bake.json target api`. */
export function describeDeclaration(d: BuildDeclaration, cwd: string): string {
  return `${shownFile(d.file, cwd)} ${d.source === 'compose' ? 'service' : 'target'} ${d.name}`;
}

// A batch names the same few compose and bake files thousands of times.
const shownFiles = new Map<string, string>();

function shownFile(file: string, cwd: string): string {
  const key = `${cwd}\0${file}`;
  let shown = shownFiles.get(key);
  if (shown === undefined) {
    shown = shownPath(file, cwd);
    shownFiles.set(key, shown);
  }
  return shown;
}

/** The default: the Dockerfile's own folder. */
export function defaultContext(abs: string): ContextChoice {
  return { path: path.dirname(abs), source: 'default' };
}

type Infer = (dockerfileAbs: string, text: string, repoRoot: string | null) =>
  { kind: 'fits'; dir: string; reason: string } | { kind: 'none'; missing: string; searched: string[] };

let inferFn: Infer | null | undefined;

/** Step 4, when context-infer.ts is there: the inferred folder, or null (then the default). */
export function inferredContext(abs: string, text: string, repoRoot: string | null): ContextChoice | null {
  if (inferFn === undefined) {
    try {
      inferFn = (require('./context-infer') as { inferContext: Infer }).inferContext;
    } catch {
      inferFn = null;
    }
  }
  if (!inferFn) return null;
  const r = inferFn(abs, text, repoRoot);
  if (r.kind !== 'fits') return null;
  const source: ContextSource = 'inferred';
  return { path: r.dir, source, detail: r.reason };
}

/** Whether `file` lies in `dir` or below it. */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The unreadable compose/bake files whose folder holds this Dockerfile (their builds are unknown). */
export function problemsFor(abs: string, declarations: Declarations | null | undefined): DeclarationProblem[] {
  if (!declarations?.problems.length) return [];
  return declarations.problems.filter((p) => isInside(abs, path.dirname(p.file)));
}

/** The onbuild bases named outside the repository's declarations: the config's, then --onbuild-from (later win). */
export function namedOnbuildBases(...named: (Record<string, string> | undefined)[]): Record<string, OnbuildBaseFile> {
  const out: Record<string, OnbuildBaseFile> = {};
  for (const m of named) if (m) for (const [img, file] of Object.entries(m)) out[img] = { path: file };
  return out;
}

/** A path for reports: relative to cwd when below it, POSIX separators. */
export function shownPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}
