// The pipeline for one Dockerfile: parse → checks → pick a transform → gather context facts →
// plan (edits + messages) → apply to the original text → re-parse and validate.
import type { ContextFS } from './context';
import { checkContext } from './context-check';
import { initialArgValues, instrProperties, parseDockerfile } from './dockerfile';
import type { ParseSummary, ParsedDockerfile } from './dockerfile';
import { applyEdits } from './edits';
import { execFormProblem } from './exec-form';
import { expandVars, parseImageRef, redactCredentials } from './image-ref';
import { msg } from './messages';
import { expandRepoBase } from './onbuild-base';
import type { RepoBaseLookup } from './onbuild-base';
import { lineNumberAt, lineStarts } from './text';
import { appUnderRootHome } from './root-home';
import type { FileStatus, Message, TextEdit, TransformOptions } from './types';
import { validateRewrite } from './validate';
// The one place src/ reaches the transforms: the registry.
import { TRANSFORMS, applyBuildkit, approxSizeMb, buildkitFeatures, isMinimalBase } from '../transforms';
import type { Transform, TransformInput } from '../transforms';

export { TRANSFORMS, approxSizeMb };
export type { Transform };

export interface PlanInput {
  ctx: ContextFS;
  hasContext: boolean;
  options: TransformOptions;
  transforms?: ReadonlyArray<Transform<unknown>>;
  /** `text` parsed already (by the batch reader thread): not parsed again. */
  parsed?: ParseSummary;
  /** Build args the build is declared with: a declared ARG takes its value (null: unknown). */
  buildArgs?: Record<string, string | null>;
  /** The stage the build is declared to stop at. */
  target?: string;
  /** Images the repository builds from Dockerfiles with ONBUILD triggers (see onbuild-base.ts). */
  repoBase?: RepoBaseLookup;
}

export interface Plan {
  status: FileStatus;
  messages: Message[];
  output: string;
  edits: TextEdit[];
  baseBefore?: string;
  baseAfter?: string;
}

export function planText(text: string, input: PlanInput): Plan {
  const fail = (m: Message): Plan => ({ status: 'error', messages: [m], output: text, edits: [] });
  const leave = (messages: Message[], baseBefore?: string): Plan => ({ status: 'skipped', messages, output: text, edits: [], baseBefore });
  // Blank: nothing but white space (a BOM is white space to \s, as to trim()).
  if (!/\S/.test(text)) return fail(msg('input/empty'));
  if (text.includes('\u0000')) return fail(msg('input/binary'));

  let file = parseDockerfile(text, input.parsed);
  const heredoc = heredocProblem(file);
  if (heredoc) return fail(msg('input/heredoc', { line: heredoc.line, problem: heredoc.problem }, heredoc.line));
  if (file.unknownKeywords.length) {
    const u = file.unknownKeywords[0];
    return fail(msg('input/unknown-instruction', { keyword: u.keywordRaw, line: u.line }, u.line));
  }
  if (!file.stages.length) return fail(msg('input/no-from'));
  const firstFrom = file.instructions.indexOf(file.stages[0].from);
  const stray = file.instructions.slice(0, firstFrom).find((i) => i.keyword !== 'ARG');
  if (stray) return fail(msg('input/unknown-instruction', { keyword: `${stray.keywordRaw} before FROM`, line: stray.line }, stray.line));

  const baseRaw = imageOf(file, 0);
  if (file.instructions.some((i) => i.keyword === 'ONBUILD')) return leave([msg('skip/base-image')], baseRaw ?? undefined);
  if (file.stages.length > 1) return leave([msg('skip/already-multistage', { count: file.stages.length })], imageOf(file, file.stages.length - 1) ?? undefined);
  if (!baseRaw) return fail(msg('input/bad-from', { line: file.stages[0].from.line }, file.stages[0].from.line));
  const globalArgs = initialArgValues(file);
  if (input.buildArgs) {
    for (const name of globalArgs.keys()) if (name in input.buildArgs) globalArgs.set(name, input.buildArgs[name] ?? undefined);
  }
  const expandedRaw = expandVars(baseRaw, (n) => globalArgs.get(n), file.escape) ?? tagOnlyUnresolved(baseRaw, globalArgs, file.escape, input);
  const expanded = expandedRaw === null ? null : redactCredentials(expandedRaw);
  if (expanded === null) return leave([msg('skip/unresolved-base', { image: baseRaw }, file.stages[0].from.line)], baseRaw);
  const declared = declaredBuildProblem(file, input);
  if (declared) return leave([declared], expanded);
  // A base the repository builds, with ONBUILD triggers: written out first (see onbuild-base.ts).
  let current = text;
  const messages: Message[] = [];
  const passEdits: TextEdit[][] = [];
  let base = parseImageRef(expanded);
  let builderRaw = baseRaw;
  const repo = input.repoBase ? expandRepoBase(file, file.stages[0], expanded, input.repoBase, input.ctx.root) : null;
  if (repo && 'skip' in repo) return leave([repo.skip], expanded);
  if (repo) {
    current = applyEdits(text, repo.edits);
    passEdits.push(repo.edits);
    messages.push(...repo.messages);
    file = parseDockerfile(current);
    if (file.stages.length !== 1) throw new Error('writing out a base image changed the stage count');
    base = parseImageRef(repo.builder);
    builderRaw = repo.builder;
  }
  if (isMinimalBase(base)) return leave([msg('skip/already-minimal', { image: expanded })], expanded);
  const enabled = (input.transforms ?? TRANSFORMS).filter((t) => !input.options.transforms || input.options.transforms.includes(t.id));
  const transform = enabled.find((t) => t.matches(base));
  const shownBase = repo ? repo.builder : expanded;
  if (!transform) {
    if (isOnbuildImage(base)) {
      return leave([msg('onbuild/unknown-triggers', { image: shownBase }, file.stages[0].from.line)], expanded);
    }
    return leave([msg('skip/no-transform', { image: shownBase })], expanded);
  }

  // Decided before any transform reads a command: a `[` form Docker would not read as JSON.
  const execProblem = execFormProblem(file);
  if (execProblem) return leave([execProblem], expanded);

  // The context must hold what the file copies; the transform then sees only what it copies
  // (all of it when the base's ONBUILD triggers may copy more).
  const checked = checkContext(file, globalArgs, input.ctx, input.hasContext, isOnbuildImage(base));
  if (!checked.ok) {
    const m = checked.missing;
    return leave([...messages, msg('context/source-missing', { keyword: m.keyword, line: m.line, source: m.raw, context: input.ctx.root ?? '' }, m.line)], expanded);
  }
  const facts = transform.gather(checked.ctx, makeInput(file, base, builderRaw, globalArgs, input));
  for (let pass = 0; pass < 2; pass++) {
    const planInput = keepRootForRootHome(file, input, messages);
    const tin = makeInput(file, parseImageRef(expandVars(imageOf(file, 0) ?? '', (n) => globalArgs.get(n), file.escape) ?? shownBase), imageOf(file, 0) ?? builderRaw, globalArgs, planInput);
    const outcome = transform.plan(tin, facts);
    if (outcome.kind === 'skip') return leave([...messages, ...mapLines(outcome.messages, passEdits, text, current)], expanded);
    if (outcome.kind === 'expand' && pass === 1) throw new Error(`transform ${transform.id} expanded twice`);
    const next = applyEdits(current, outcome.edits);
    messages.push(...mapLines(outcome.messages, passEdits, text, current));
    passEdits.push(outcome.edits);
    current = next;
    if (outcome.kind === 'rewrite') {
      const problems = validateRewrite(current);
      if (problems.length) return fail(msg('check/failed', { reason: problems.join('; ') }));
      // Opt-in: the BuildKit pass on the builder stage of the rewrite, checked again.
      const features = buildkitFeatures(input.options.buildkit);
      let sped = false;
      if (features && TRANSFORMS.includes(transform)) {
        const fast = applyBuildkit(current, transform.id, input.ctx, features);
        messages.push(...mapLines(fast.messages, passEdits, text, current));
        if (fast.text !== current) {
          const again = validateRewrite(fast.text);
          if (again.length) return fail(msg('check/failed', { reason: again.join('; ') }));
          current = fast.text;
          sped = true;
        }
      }
      return {
        status: 'changed', messages, output: current, baseBefore: expanded, baseAfter: outcome.baseAfter,
        edits: passEdits.length === 1 && !sped ? outcome.edits : [spanEdit(text, current)],
      };
    }
    file = parseDockerfile(current);
    if (file.stages.length !== 1) throw new Error(`transform ${transform.id} expansion changed the stage count`);
  }
  throw new Error('unreachable');
}

/**
 * What a declared build (compose service, bake target) asks that a plan from the file alone would
 * get wrong: a declared `target` (after the split it would name the builder stage, not the image
 * that runs), or a build arg that sets an ARG of the stage to another value than its default.
 */
function declaredBuildProblem(file: ParsedDockerfile, input: PlanInput): Message | null {
  const stage = file.stages[0];
  if (input.target !== undefined) {
    return msg('context/declared-target', { target: input.target, stage: stage.name ?? '(unnamed)' }, stage.from.line);
  }
  const args = input.buildArgs;
  if (!args) return null;
  for (const ins of stage.body) {
    if (ins.keyword !== 'ARG') continue;
    for (const p of instrProperties(ins)) {
      if (!(p.name in args)) continue;
      const v = args[p.name];
      if (v !== null && p.value !== null && v === p.value) continue;
      return msg('context/declared-arg', { name: p.name, value: v === null ? '(a value stageify cannot know)' : v, default: p.value ?? '(none)', line: ins.line }, ins.line);
    }
  }
  return null;
}

/** An `*-onbuild` image: its ONBUILD triggers run in this build. */
function isOnbuildImage(base: ReturnType<typeof parseImageRef>): boolean {
  return /(^|-)onbuild$/.test(base.tag ?? '') || /-onbuild$/.test(base.name);
}

/**
 * The base with a variable that has no value left as written, when only its tag holds one and a
 * transform that plans without the tag takes the image (`golang:${GO_VERSION}` is still golang).
 */
function tagOnlyUnresolved(baseRaw: string, globalArgs: Map<string, string | undefined>, escape: string, input: PlanInput): string | null {
  const kept = expandVars(baseRaw, (n) => globalArgs.get(n) ?? `\${${n}}`, escape);
  if (kept === null) return null;
  const ref = parseImageRef(kept);
  if (!ref.tag?.includes('$') || ref.digest || (ref.registry ?? '').includes('$') || ref.repository.includes('$')) return null;
  const enabled = (input.transforms ?? TRANSFORMS).filter((t) => !input.options.transforms || input.options.transforms.includes(t.id));
  return enabled.find((t) => t.matches(ref))?.plansWithoutTag ? kept : null;
}

/**
 * Heredocs the parser misreads (PARSER-NOTES: `<< EOF` with a space, `cat<<EOF`) or that never
 * end (the parser then swallows the rest of the file).
 */
export function heredocProblem(file: ParsedDockerfile): { line: number; problem: string } | null {
  for (const ins of file.instructions) {
    if ((ins.keyword !== 'RUN' && ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || !ins.argsText.includes('<<')) continue;
    const firstLine = ins.argsText.split(/\r\n|\n|\r/, 1)[0];
    // A misread heredoc shows as a `<<` form whose delimiter stands alone on a later line.
    const loose = /<<-?[ \t]+(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(firstLine) ?? /[^\s<]<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(firstLine);
    if (loose && file.text.slice(ins.start).split(/\r\n|\n|\r/).slice(1).some((l) => l.trim() === loose[2])) {
      return { line: ins.line, problem: 'a heredoc written `<< EOF` or `cmd<<EOF`, which the parser cannot read' };
    }
    for (const m of firstLine.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
      const delim = m[3];
      const rest = ins.argsText.slice(firstLine.length).split(/\r\n|\n|\r/);
      const ends = rest.some((l) => (m[1] ? l.replace(/^\t+/, '') : l) === delim);
      if (!ends) return { line: ins.line, problem: `the heredoc <<${delim} never ends` };
    }
  }
  return null;
}

/**
 * An app under /root runs as root (only root may enter /root), unless the user chose a user
 * policy: then the transform plans as asked. Says so once.
 */
function keepRootForRootHome(file: ParsedDockerfile, input: PlanInput, messages: Message[]): PlanInput {
  if (input.options.user !== undefined) return input;
  const line = appUnderRootHome(file);
  if (line === null) return input;
  if (!messages.some((m) => m.id === 'runtime/root-home')) messages.push(msg('runtime/root-home', { line }, line));
  return { ...input, options: { ...input.options, user: 'root' } };
}

function makeInput(file: ParsedDockerfile, base: ReturnType<typeof parseImageRef>, baseRaw: string, globalArgs: Map<string, string | undefined>, input: PlanInput): TransformInput {
  return { file, stage: file.stages[0], base, baseRaw, globalArgs, options: input.options, hasContext: input.hasContext };
}

/** The image a stage's FROM names, without credentials (they never reach messages or output). */
function imageOf(file: ParsedDockerfile, index: number): string | null {
  const stage = file.stages[index];
  if (!stage) return null;
  if (stage.shownImage === undefined) stage.shownImage = stage.image === null ? null : redactCredentials(stage.image);
  return stage.shownImage;
}

/** One edit covering everything between the common prefix and suffix of two texts. */
export function spanEdit(before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before[p] === after[p]) p++;
  let s = 0;
  while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

/** Messages of a later pass name lines of an intermediate text: map them to the original's lines. */
function mapLines(messages: Message[], passes: TextEdit[][], original: string, current: string): Message[] {
  if (!passes.length) return messages;
  const starts = lineStarts(current);
  const origStarts = lineStarts(original);
  const mapLine = (line: number): number => {
    let off = starts[line - 1] ?? current.length;
    for (let k = passes.length - 1; k >= 0; k--) off = mapBack(off, passes[k]);
    return lineNumberAt(origStarts, off);
  };
  return messages.map((m) => {
    const out = { ...m, text: m.text.replace(/\bline (\d+)/g, (_, n: string) => `line ${mapLine(Number(n))}`) };
    if (m.line !== undefined) out.line = mapLine(m.line);
    return out;
  });
}

/**
 * An offset of the edited text back to the original. Text that an edit inserted maps to the
 * line the edit was made after (for written-out ONBUILD triggers: the FROM that carried them).
 */
function mapBack(offset: number, edits: TextEdit[]): number {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let delta = 0;
  for (const e of sorted) {
    const newStart = e.start + delta;
    const newEnd = newStart + e.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return Math.max(e.start - 1, 0);
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}
