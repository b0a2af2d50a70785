// Bases built in the same repository: a FROM that names an image the repository builds itself
// (compose `image:` with `build:`, bake `tags`, or --onbuild-from / the config's `onbuildFrom`),
// from a Dockerfile with ONBUILD triggers. The file is rewritten into an ordinary single-stage one
// before a transform plans it: FROM takes the base's own base image, and after it come the base's
// lines (ENV, WORKDIR, RUN, CMD, ENTRYPOINT, …: what the image holds and how it starts) and then
// its triggers, which Docker runs in this file's build context. Recursively: a base built FROM
// another such base takes that one's lines and triggers first. The base's Dockerfile itself is
// never touched (it contains ONBUILD, so stageify leaves it alone anyway).
import * as path from 'path';
import { flagValue, initialArgValues, instrProperties, kw, parseDockerfile } from './dockerfile';
import type { Instr, ParsedDockerfile, Stage } from './dockerfile';
import { expandVars, redactCredentials } from './image-ref';
import { msg } from './messages';
import type { Message, TextEdit } from './types';

/** A base image's Dockerfile, its text read. */
export interface RepoBase {
  path: string;
  text: string;
  args?: Record<string, string | null>;
}

/** Looks an image up among the repository's own (null: not one of them). */
export type RepoBaseLookup = (image: string) => RepoBase | null;

export type RepoBaseExpansion = { edits: TextEdit[]; messages: Message[]; builder: string } | { skip: Message } | null;

const MAX_DEPTH = 8;

/** A chain of bases written out: the image at its root, and the lines after its FROM. */
interface Written {
  root: string;
  lines: string[];
  /** The last level's ONBUILD triggers (they run in the build of a file FROM it). */
  triggers: string[];
  /** Whether the lines set an ENTRYPOINT (a later ENTRYPOINT resets an inherited CMD). */
  hasOnbuild: boolean;
}

class Refusal extends Error {
  constructor(readonly why: string) { super(why); }
}

/**
 * The edits that write out `image`'s lines and triggers into `file` (one stage, FROM `image`), or
 * why it cannot be done, or null when `image` is not built in the repository or its Dockerfile (and
 * those it is built from) has no ONBUILD.
 */
export function expandRepoBase(file: ParsedDockerfile, stage: Stage, image: string, lookup: RepoBaseLookup, fromDir: string | null): RepoBaseExpansion {
  const base = lookup(image);
  if (!base) return null;
  const shown = fromDir ? toPosix(path.relative(fromDir, base.path)) || path.basename(base.path) : base.path;
  let written: Written;
  try {
    written = writeOut(base, lookup, file.escape, 0, new Set());
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { skip: msg('onbuild/repo-base-unusable', { image, file: shown, why: e.why }, stage.from.line) };
  }
  if (!written.hasOnbuild) return null;
  const span = stage.imageSpan;
  if (!span) return null;
  const ownEntrypoint = stage.body.some((i) => i.keyword === 'ENTRYPOINT');
  // An ENTRYPOINT of this file resets the CMD it would inherit.
  const inherited = ownEntrypoint ? written.lines.filter((l) => !/^cmd\s/i.test(l)) : written.lines;
  const eol = file.eol;
  const body = [
    `# ${image} is built from ${shown}: its lines and ONBUILD triggers, written out`,
    ...inherited, ...written.triggers,
  ].map((l) => caseOf(file, l).replace(/\r\n|\r|\n/g, eol) + eol).join('');
  const needEol = stage.from.lineEnd === stage.from.end;
  const edits: TextEdit[] = [
    { start: span.start, end: span.end, text: written.root },
    { start: stage.from.lineEnd, end: stage.from.lineEnd, text: (needEol ? eol : '') + body },
  ];
  return {
    edits, builder: written.root,
    messages: [msg('onbuild/repo-base-expanded', { image, file: shown, builder: written.root }, stage.from.line)],
  };
}

function writeOut(base: RepoBase, lookup: RepoBaseLookup, escape: string, depth: number, seen: Set<string>): Written {
  if (depth >= MAX_DEPTH) throw new Refusal(`its chain of bases is deeper than ${MAX_DEPTH}`);
  if (seen.has(base.path)) throw new Refusal('its chain of bases loops');
  seen.add(base.path);
  if (!/\S/.test(base.text) || base.text.includes('\u0000')) throw new Refusal('its Dockerfile is empty or not text');
  let f: ParsedDockerfile;
  try {
    f = parseDockerfile(base.text);
  } catch {
    throw new Refusal('its Dockerfile cannot be parsed');
  }
  if (f.stages.length !== 1) throw new Refusal(f.stages.length ? `its Dockerfile has ${f.stages.length} stages` : 'its Dockerfile has no FROM');
  if (f.escape !== escape) throw new Refusal('its Dockerfile uses another escape character');
  const stage = f.stages[0];
  if (stage.from.argsText.includes('--platform')) throw new Refusal('its FROM names a platform');
  const globals = initialArgValues(f);
  const args = base.args ?? {};
  for (const name of globals.keys()) if (name in args) globals.set(name, args[name] ?? undefined);
  const rawImage = stage.image;
  const image = rawImage === null ? null : expandVars(rawImage, (n) => globals.get(n), f.escape);
  if (!image) throw new Refusal(`its FROM image ${rawImage ?? ''} cannot be resolved`.trim());
  const parent = lookup(redactCredentials(image));
  let out: Written;
  if (parent) {
    const up = writeOut(parent, lookup, escape, depth + 1, seen);
    const ownEntrypoint = stage.body.some((i) => i.keyword === 'ENTRYPOINT');
    const lines = ownEntrypoint ? up.lines.filter((l) => !/^cmd\s/i.test(l)) : [...up.lines];
    // The parent's triggers ran in this base's own build, with this base's context.
    for (const t of up.triggers) {
      if (/^(copy|add)\s/i.test(t) && !/--from[= ]/i.test(t)) throw new Refusal(`the ONBUILD triggers of the image it is built from copy from its own build context (${firstLine(t)})`);
      lines.push(t);
    }
    out = { root: up.root, lines, triggers: [], hasOnbuild: up.hasOnbuild };
  } else {
    if (/(^|[-:])onbuild$/.test(image.replace(/@.*$/, ''))) throw new Refusal(`it is itself built FROM an onbuild image (${image}) whose triggers ran in its own build context`);
    out = { root: image, lines: [], triggers: [], hasOnbuild: false };
  }
  for (const ins of stage.body) {
    if (ins.keyword === 'ONBUILD') {
      const t = ins.argsText.trim();
      if (/^(onbuild|from|maintainer)\b/i.test(t)) throw new Refusal(`ONBUILD on line ${ins.line} holds ${t.split(/\s/, 1)[0]}, which Docker does not allow`);
      out.triggers.push(t);
      out.hasOnbuild = true;
      continue;
    }
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && flagValue(ins, 'from') == null) {
      throw new Refusal(`line ${ins.line} (${ins.keyword}) copies from its own build context, which this file's build does not have`);
    }
    out.lines.push(instructionText(f, ins, globals, args));
  }
  return out;
}

/** An instruction's text; an ARG takes the value the base is built with. */
function instructionText(f: ParsedDockerfile, ins: Instr, globals: Map<string, string | undefined>, args: Record<string, string | null>): string {
  const text = f.text.slice(ins.start, ins.end);
  if (ins.keyword !== 'ARG') return text;
  const props = instrProperties(ins);
  const values = props.map((p) => {
    if (p.name in args) return args[p.name];
    if (p.value === null) return globals.get(p.name) ?? null;
    return undefined; // its own default
  });
  if (values.every((v) => v === undefined)) return text;
  const parts = props.map((p, k) => {
    const v = values[k];
    if (v === undefined) return p.value === null ? p.name : null;
    if (v === null) return p.name;
    if (!/^[A-Za-z0-9_./:@%+,=-]*$/.test(v)) throw new Refusal(`the value of ARG ${p.name} needs quoting`);
    return `${p.name}=${v}`;
  });
  if (parts.some((p) => p === null)) throw new Refusal(`ARG on line ${ins.line} mixes defaults and build args`);
  return `${ins.keywordRaw} ${parts.join(' ')}`;
}

/** A written-out line's keyword in this file's case. */
function caseOf(file: ParsedDockerfile, line: string): string {
  if (line.startsWith('#')) return line;
  const m = /^[A-Za-z]+/.exec(line);
  return m ? kw(file, m[0]) + line.slice(m[0].length) : line;
}

function firstLine(s: string): string {
  return s.split(/\r?\n/, 1)[0];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
