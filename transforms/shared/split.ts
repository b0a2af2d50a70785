// Turns a plan for one stage into text edits: the stage becomes the builder (named, its own
// lines kept), runtime-only instructions move to a new final stage appended at the end, and
// every byte outside the edits stays as it was.
import type { CommentLine, Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { flagValue, kw } from '../../src/dockerfile';
import { redactCredentials } from '../../src/image-ref';
import { isBlankLine, endOfLine } from '../../src/text';
import { msg } from '../../src/messages';
import type { Message, TextEdit, TransformOptions } from '../../src/types';
import type { RuntimeBase } from './runtime-bases';
import { builderImageRef, insideAny, planRuntimeConfig, writableDirs } from './runtime-config';
import type { RuntimeConfig } from './runtime-config';

export interface Carried {
  ins: Instr;
  /** Moved: deleted from the builder. Otherwise repeated (kept in the builder too). */
  move: boolean;
  /** Replacement text of the instruction in the runtime stage (e.g. exec form), else as written. */
  text?: string;
}

export interface SplitPlan {
  file: ParsedDockerfile;
  /** The options of the run (the registry mirror applies to the runtime image). */
  options: TransformOptions;
  stage: Stage;
  builderName: string;
  /** New image text for the builder's FROM, or undefined to keep it. */
  builderImage?: string;
  /** Lines inserted right after the FROM (written-out ONBUILD triggers). */
  afterFrom: string[];
  /** Edits inside the builder's own instructions. */
  inlineEdits: TextEdit[];
  /** Lines added at the end of the builder (e.g. compiling what `go run` compiled at start-up). */
  builderAppend: string[];
  runtime: {
    base: RuntimeBase;
    /** COPY --from=<builder> lines; `chown` gives the files an owner (`--chown=`). */
    copies: { src: string; dest: string; chown?: string }[];
    /** Generated lines after the copies (ENV PATH=…, USER 65532:65532). */
    lines: string[];
    carried: Carried[];
    /** Generated lines at the very end (a CMD when the program had none of its own). */
    tail: string[];
    /**
     * The user stageify runs the program as in place of an implicit root (`65532:65532`), or null:
     * the working directory, the volumes and the files copied into them become that user's.
     */
    owner?: string | null;
  };
  /** Messages about what the split itself adds (the builder image's WORKDIR, writable folders). */
  notes?: Message[];
  /** The runtime config of this stage and carried list, when the transform worked it out already. */
  config?: RuntimeConfig;
}

/** An empty folder made in the builder: `COPY --chown` of it creates a folder owned by the runtime user. */
export const EMPTY_DIR = '/.stageify-empty';

/** Carried instructions that go first in the runtime stage, before its COPY lines. */
const LEADING_KEYWORDS = new Set(['ARG', 'ENV', 'WORKDIR', 'LABEL', 'MAINTAINER']);

const isLineBreak = (c: number) => c === 10 || c === 13;

/** True when the last line of text[0, end) holds only blanks (or nothing). */
function isBlankLastLine(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || isLineBreak(text.charCodeAt(i - 1));
}

/** Keywords that describe the running container and do not affect the build: they move. */
export const MOVED_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME', 'LABEL', 'MAINTAINER']);
/** Generated-line keyword case follows the file. */
export function line(file: ParsedDockerfile, text: string): string {
  let n = 0;
  while (n < text.length && isAsciiLetter(text.charCodeAt(n))) n++;
  return n ? kw(file, text.slice(0, n)) + text.slice(n) : text;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function splitEdits(plan: SplitPlan): TextEdit[] {
  const { file, stage } = plan;
  const text = file.text;
  const eol = file.eol;
  const edits: TextEdit[] = [];
  const from = stage.from;
  const rt = plan.runtime;
  const cfg = plan.config ?? planRuntimeConfig(file, stage, builderImageRef(file, stage, plan.builderImage), rt.carried);
  const owned = rt.owner ? writableDirs(cfg) : [];
  const builderAppend = owned.length ? [...plan.builderAppend, `RUN mkdir -p ${EMPTY_DIR}`] : plan.builderAppend;
  noteConfig(plan, cfg, owned);

  // 1. The builder's FROM: new image, and a stage name.
  if (plan.builderImage !== undefined) {
    const r = stage.imageSpan;
    if (!r) throw new Error('FROM without an image');
    edits.push({ start: r.start, end: r.end, text: plan.builderImage });
  }
  if (!stage.name) edits.push({ start: from.end, end: from.end, text: ` ${kw(file, 'AS')} ${plan.builderName}` });

  // 2. Lines after FROM.
  const fromHasEol = from.lineEnd > from.end && endOfLine(text, from.end) === from.lineEnd;
  if (plan.afterFrom.length) {
    const block = plan.afterFrom.map((l) => line(file, l) + eol).join('');
    edits.push({ start: from.lineEnd, end: from.lineEnd, text: (fromHasEol && from.lineEnd > from.end ? '' : eol) + block });
  }

  edits.push(...plan.inlineEdits);

  // 3. Moved instructions leave the builder, with the comment lines directly above them.
  const moved = new Set(plan.runtime.carried.filter((c) => c.move).map((c) => c.ins));
  const ranges = [...moved].map((ins) => ({ start: attachedCommentsStart(file, ins), end: ins.lineEnd }));
  const kept = stage.body.filter((i) => !moved.has(i));
  const lastKeptStart = kept.length ? kept[kept.length - 1].start : -1;
  for (const g of mergeRanges(text, ranges)) {
    let { start, end } = g;
    const prevBlank = start === 0 || isBlankLine(text, lineStartBefore(text, start));
    const keptAfter = lastKeptStart >= end;
    // Drop the blank lines the move leaves behind: all of them at the end of the builder,
    // one run of them where a blank line stays above.
    if (!keptAfter || prevBlank) {
      while (end < text.length && isBlankLine(text, end)) end = endOfLine(text, end);
    }
    edits.push({ start, end, text: '' });
  }

  // 4. Lines at the end of the builder: after its last kept instruction.
  let appendedWithoutEol = -1;
  if (builderAppend.length) {
    const anchor = kept.length ? kept[kept.length - 1] : from;
    const at = anchor.lineEnd;
    const needEol = !(at > anchor.end);
    if (needEol) appendedWithoutEol = at;
    edits.push({ start: at, end: at, text: (needEol ? eol : '') + builderAppend.map((l) => line(file, l) + eol).join('') });
  }

  // 5. The runtime stage, appended at the end of the file.
  // The runtime is for the same platform as the original image was.
  const platform = flagValue(from, 'platform');
  const platformFlag = platform ? `--platform=${platform} ` : '';
  const out: string[] = [line(file, `FROM ${platformFlag}${withMirror(rt.base.image, plan.options.registryMirror)}`)];
  for (const p of rt.base.preamble) out.push(line(file, p));
  const hasEntrypoint = rt.carried.some((c) => c.ins.keyword === 'ENTRYPOINT');
  if (rt.base.hasEntrypoint && !hasEntrypoint) out.push(line(file, 'ENTRYPOINT []'));
  // Folders the runtime user writes: created by a COPY that gives them their owner, before any
  // WORKDIR creates them as root.
  for (const d of owned) out.push(line(file, copyFromLine(plan.builderName, EMPTY_DIR, d, rt.owner)));
  for (const [n, v] of cfg.env) out.push(line(file, `ENV ${n}=${envValue(v)}`));
  if (cfg.implicitWorkdir) out.push(line(file, `WORKDIR ${cfg.implicitWorkdir}`));
  let k = 0;
  while (k < rt.carried.length && LEADING_KEYWORDS.has(rt.carried[k].ins.keyword)) out.push(carriedText(file, rt.carried[k++], cfg));
  for (const c of rt.copies) {
    const chown = c.chown ?? (owned.length && insideAny(c.dest, owned) ? rt.owner : undefined);
    out.push(line(file, copyFromLine(plan.builderName, c.src, c.dest, chown)));
  }
  out.push(...rt.lines.map((l) => line(file, l)));
  for (; k < rt.carried.length; k++) out.push(carriedText(file, rt.carried[k], cfg));
  out.push(...rt.tail.map((l) => line(file, l)));

  // What precedes the appended stage is the original up to where deletions at the end begin.
  let tail = text.length;
  for (const e of [...edits].sort((a, b) => b.end - a.end)) {
    if (e.text === '' && e.end === tail && e.start < tail) tail = e.start;
  }
  // Looked at from the end (a pattern anchored at the end still scans the whole text).
  // Lines appended to a last line that had no line ending end with one of their own.
  const appendedAtTail = appendedWithoutEol === tail;
  const endsWithEol = appendedAtTail || (tail > 0 && isLineBreak(text.charCodeAt(tail - 1)));
  let prefix = endsWithEol || tail === 0 ? '' : eol;
  const lastLineBlank = !appendedAtTail && endsWithEol && isBlankLastLine(text, tail - (tail >= 2 && text.charCodeAt(tail - 2) === 13 && text.charCodeAt(tail - 1) === 10 ? 2 : 1));
  if (!lastLineBlank) prefix += eol;
  edits.push({ start: text.length, end: text.length, text: prefix + out.join(eol) + eol });
  return edits;
}

/** Start of the comment block directly above an instruction (no blank line between), or its line start. */
export function attachedCommentsStart(file: ParsedDockerfile, ins: Instr): number {
  const byEnd = commentsByLineEnd(file);
  let start = ins.lineStart;
  for (;;) {
    const c = byEnd.get(start);
    if (!c) return start;
    start = c.lineStart;
  }
}

function commentsByLineEnd(file: ParsedDockerfile): Map<number, CommentLine> {
  return (file.commentsByLineEnd ??= new Map(file.comments.map((c) => [c.lineEnd, c])));
}

function carriedText(file: ParsedDockerfile, c: Carried, cfg: RuntimeConfig): string {
  const comments = c.move ? file.text.slice(attachedCommentsStart(file, c.ins), c.ins.lineStart) : '';
  const body = cfg.texts.get(c.ins) ?? c.text ?? file.text.slice(c.ins.start, c.ins.end);
  return comments + body;
}

/** Says what the runtime stage got from the builder image's config, and which folders it owns. */
function noteConfig(plan: SplitPlan, cfg: RuntimeConfig, owned: readonly string[]): void {
  const notes = plan.notes;
  if (!notes) return;
  const image = plan.builderImage ?? plan.stage.shownImage ?? plan.stage.image ?? '?';
  if (cfg.implicitWorkdir) notes.push(msg('runtime/implicit-workdir', { image, dir: cfg.implicitWorkdir }));
  if (cfg.resolved.size) {
    notes.push(msg('runtime/vars-resolved', { vars: [...cfg.resolved.keys()].join(', '), values: [...cfg.resolved].map(([n, v]) => `${n}=${v}`).join(', ') }));
  }
  if (cfg.env.length) notes.push(msg('runtime/env-from-builder', { vars: cfg.env.map(([n]) => n).join(', '), values: cfg.env.map(([n, v]) => `${n}=${v}`).join(', ') }));
  if (owned.length) notes.push(msg('runtime/writable-dirs', { user: plan.runtime.owner ?? '', dirs: owned.join(', ') }));
}

/** An ENV value as Docker reads it back: quoted when it has blanks, quotes or dollars. */
function envValue(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(v) ? v : `"${v.replace(/[\\"$]/g, (c) => '\\' + c)}"`;
}

function lineStartBefore(text: string, offset: number): number {
  // Start of the line before the one starting at `offset`.
  let i = offset - 1;
  if (i > 0 && text[i] === '\n' && text[i - 1] === '\r') i--;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return Math.max(i, 0);
}

/** Merges ranges that touch or are separated only by blank lines. */
function mergeRanges(text: string, ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && onlyBlankLines(text, last.end, r.start)) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function onlyBlankLines(text: string, from: number, to: number): boolean {
  return from <= to && /^[ \t\r\n]*$/.test(text.slice(from, to));
}

/** `COPY --from=<stage> [--chown=…] src dest`. */
export function copyFromLine(stage: string, src: string, dest: string, chown?: string | null): string {
  return `COPY --from=${stage}${chown ? ` --chown=${chown}` : ''} ${copyArgs(src, dest)}`;
}

/** Paths with spaces need the JSON form; plain ones are written as they are. */
export function copyArgs(src: string, dest: string): string {
  return /\s/.test(src + dest) ? JSON.stringify([src, dest]).replace(/","/g, '", "') : `${src} ${dest}`;
}

/** The image as pulled through a registry mirror: `<mirror>/<image>` (scratch is not pulled). */
export function withMirror(image: string, mirror: string | undefined): string {
  if (!mirror || image === 'scratch') return image;
  const prefix = redactCredentials(mirror.replace(/\/+$/, ''));
  // Already pulled through the mirror (e.g. a runtime tag derived from the builder's reference).
  if (image.startsWith(prefix + '/')) return image;
  return `${prefix}/${image}`;
}
