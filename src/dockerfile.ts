// Parses a Dockerfile with dockerfile-ast and gives the engine what it needs: instructions with
// offsets into the original text, stages split at each FROM, and the file's layout conventions.
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { expandVars } from './image-ref';
import { detectEol, endOfLine, lineStarts, offsetAt, startOfLine } from './text';

export const KNOWN_KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** A name/value pair of ENV, ARG or LABEL, as the parser reads it. */
export interface Property {
  name: string;
  value: string | null;
}

export interface Instr {
  /** Upper-case keyword. */
  keyword: string;
  /** The keyword as written (its case tells the file's style). */
  keywordRaw: string;
  /** The parser's node (parsed on this thread when first asked for, if the parse ran elsewhere). */
  readonly node: Instruction;
  /** Offsets of the instruction itself: keyword to end of its last line (no line ending). */
  start: number;
  end: number;
  /** Offsets of its whole lines: start of its first line, just past its last line ending. */
  lineStart: number;
  lineEnd: number;
  /** Raw text after the keyword (continuations and inner comments included), '' when none. */
  argsText: string;
  argsStart: number;
  /** 1-based first line. */
  line: number;
  /** Flags by lower-case name, read once (see flagValue). */
  flagMemo: Map<string, string | null> | undefined;
  /** ENV/ARG properties, read once (see instrProperties). */
  propertyMemo: Property[] | undefined;
}

export interface Stage {
  index: number;
  from: Instr;
  /** Instructions after the FROM, up to the next FROM. */
  body: Instr[];
  name: string | null;
  /** The image the FROM names, as the parser reads it (credentials included), or null. */
  image: string | null;
  /** `image` without credentials, once asked for (see the engine's imageOf). */
  shownImage: string | null | undefined;
  /** Offsets of the image in the FROM line (null: none). */
  imageSpan: { start: number; end: number } | null;
}

export interface CommentLine {
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
}

export interface ParsedDockerfile {
  text: string;
  eol: '\n' | '\r\n';
  escape: string;
  starts: number[];
  instructions: Instr[];
  /** ARGs before the first FROM. */
  initialArgs: Instr[];
  stages: Stage[];
  /** Comment lines that stand on their own (not inside an instruction's continuation). */
  comments: CommentLine[];
  /** `comments` by the offset just past each one's line, built when first asked for. */
  commentsByLineEnd: Map<number, CommentLine> | undefined;
  unknownKeywords: Instr[];
  /** True when the file's keywords are written in lower case (its FROM decides). */
  lowerCase: boolean;
}

/**
 * What the engine takes from the parser, as plain data: it can be made on another thread (the
 * batch reader parses each Dockerfile it reads) and sent here, or made here from the parser's
 * tree. Either way parseDockerfile builds the same ParsedDockerfile from it.
 */
export interface ParseSummary {
  escape: string;
  /** Four numbers per instruction: start and end offsets, offset just past the keyword, 0-based line. */
  spans: number[];
  /** Each instruction's keyword as written. */
  keywords: string[];
  /** ENV and ARG properties by instruction index; null for other instructions. */
  properties: (Property[] | null)[];
  /** One per FROM, in order. */
  froms: FromSummary[];
  /** Two offsets (start, end) per comment, in file order. */
  comments: number[];
}

export interface FromSummary {
  image: string | null;
  name: string | null;
  /** Flags as [lower-case name, value], first of each name only. */
  flags: [string, string | null][];
  /** The image's offsets in the FROM line (the parser's getImageRange()). */
  imageSpan: { start: number; end: number } | null;
}

type ArgNode = { getValue(): string; getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } };
type PropertyNode = { getProperties?: () => { getName(): string; getValue(): string | null }[] };
type FlagNode = { getFlags?: () => { getName(): string; getValue(): string | null }[] };

/** Reads what the engine needs from a parsed file. */
export function summarize(ast: Dockerfile, text: string, starts: readonly number[]): ParseSummary {
  const at = (p: { line: number; character: number }) => offsetAt(starts, text.length, p);
  const nodes = ast.getInstructions();
  const spans: number[] = new Array(nodes.length * 4);
  const keywords: string[] = new Array(nodes.length);
  const properties: (Property[] | null)[] = new Array(nodes.length);
  const froms: FromSummary[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const r = node.getRange();
    spans[4 * k] = at(r.start);
    spans[4 * k + 1] = at(r.end);
    spans[4 * k + 2] = at(node.getInstructionRange().end);
    spans[4 * k + 3] = r.start.line;
    const keywordRaw = node.getInstruction();
    keywords[k] = keywordRaw;
    const keyword = keywordRaw.toUpperCase();
    properties[k] = keyword === 'ENV' || keyword === 'ARG' ? readProperties(node) : null;
    if (keyword === 'FROM') {
      // The image, its offsets and the stage name from one read of the arguments, as the parser's
      // getImage(), getImageRange() and getBuildStage() read them (each re-tokenizes the instruction).
      const args = node.getArguments() as unknown as ArgNode[];
      const image = args.length > 0 ? args[0].getValue() : null;
      let imageSpan: FromSummary['imageSpan'] = null;
      if (args.length > 0) {
        const ir = args[0].getRange();
        imageSpan = { start: starts[ir.start.line] + ir.start.character, end: starts[ir.end.line] + ir.end.character };
      }
      let name: string | null = null;
      if (args.length > 2 && args[1].getValue().toUpperCase() === 'AS') {
        const nr = args[2].getRange();
        name = text.slice(at(nr.start), at(nr.end));
      }
      froms.push({ image, name, flags: readFlags(node), imageSpan });
    }
  }
  const comments: number[] = [];
  for (const c of ast.getComments()) {
    const r = c.getRange();
    comments.push(at(r.start), at(r.end));
  }
  return { escape: ast.getEscapeCharacter(), spans, keywords, properties, froms, comments };
}

/** Parses `text` and reads everything into plain data (for a thread that hands the result on). */
export function summarizeDockerfile(text: string): ParseSummary {
  return summarize(DockerfileParser.parse(text), text, lineStarts(text));
}

function readProperties(node: Instruction): Property[] {
  const n = node as unknown as PropertyNode;
  return n.getProperties ? n.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() })) : [];
}

function readFlags(node: Instruction): [string, string | null][] {
  const n = node as unknown as FlagNode;
  const out: [string, string | null][] = [];
  if (!n.getFlags) return out;
  const seen = new Set<string>();
  for (const f of n.getFlags()) {
    const key = f.getName().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([key, f.getValue()]);
  }
  return out;
}

/** The parser's tree of a file, made once, when a node is first asked for. */
class TreeSource {
  private tree: Dockerfile | undefined;
  constructor(private readonly text: string, tree?: Dockerfile) {
    this.tree = tree;
  }
  node(index: number): Instruction {
    if (!this.tree) this.tree = DockerfileParser.parse(this.text);
    return this.tree.getInstructions()[index];
  }
}

class ParsedInstr implements Instr {
  flagMemo: Map<string, string | null> | undefined = undefined;
  propertyMemo: Property[] | undefined;
  constructor(
    private readonly source: TreeSource,
    private readonly index: number,
    public keyword: string,
    public keywordRaw: string,
    public start: number,
    public end: number,
    public lineStart: number,
    public lineEnd: number,
    public argsText: string,
    public argsStart: number,
    public line: number,
    properties: Property[] | null,
  ) {
    this.propertyMemo = properties ?? undefined;
  }
  get node(): Instruction {
    return this.source.node(this.index);
  }
}

/**
 * Parses a Dockerfile, or takes `summary`: the same text parsed elsewhere (see summarizeDockerfile),
 * which gives the same result without parsing here.
 */
export function parseDockerfile(text: string, summary?: ParseSummary | null): ParsedDockerfile {
  const starts = lineStarts(text);
  let source: TreeSource;
  if (summary) source = new TreeSource(text);
  else {
    const ast = DockerfileParser.parse(text);
    source = new TreeSource(text, ast);
    summary = summarize(ast, text, starts);
  }
  const { spans, keywords } = summary;
  const instructions: Instr[] = new Array(keywords.length);
  for (let k = 0; k < keywords.length; k++) {
    const start = spans[4 * k];
    const end = spans[4 * k + 1];
    // Arguments start after the keyword and the blanks that follow it (computed from the text:
    // the parser's getArgumentsRange() re-tokenizes the whole instruction).
    let argsStart = spans[4 * k + 2];
    while (argsStart < end && (text[argsStart] === ' ' || text[argsStart] === '\t')) argsStart++;
    instructions[k] = new ParsedInstr(
      source, k, keywords[k].toUpperCase(), keywords[k], start, end, startOfLine(text, start), endOfLine(text, end),
      text.slice(argsStart, end), argsStart, spans[4 * k + 3] + 1, summary.properties[k],
    );
  }
  const stages: Stage[] = [];
  const initialArgs: Instr[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const from = summary.froms[stages.length];
      ins.flagMemo = new Map(from.flags);
      stages.push({ index: stages.length, from: ins, body: [], name: from.name, image: from.image, shownImage: undefined, imageSpan: from.imageSpan });
    } else if (stages.length > 0) {
      stages[stages.length - 1].body.push(ins);
    } else if (ins.keyword === 'ARG') {
      initialArgs.push(ins);
    }
  }
  const comments: CommentLine[] = [];
  // Comments and instructions both come in file order: one pass tells which comments stand
  // inside an instruction's continuation lines.
  let k = 0;
  const cs = summary.comments;
  for (let c = 0; c < cs.length; c += 2) {
    const start = cs[c];
    while (k < instructions.length && instructions[k].end <= start) k++;
    const inside = k < instructions.length && start > instructions[k].start && start < instructions[k].end;
    if (inside) continue;
    const end = cs[c + 1];
    comments.push({ start, end, lineStart: startOfLine(text, start), lineEnd: endOfLine(text, end) });
  }
  const firstFrom = instructions.find((i) => i.keyword === 'FROM');
  return {
    text,
    eol: detectEol(text),
    escape: summary.escape,
    starts,
    instructions,
    initialArgs,
    stages,
    comments,
    commentsByLineEnd: undefined,
    unknownKeywords: instructions.filter((i) => !KNOWN_KEYWORDS.has(i.keyword)),
    lowerCase: firstFrom ? firstFrom.keywordRaw === firstFrom.keywordRaw.toLowerCase() : false,
  };
}

/** ENV, ARG and LABEL name/value pairs as Docker reads them (read once per instruction). */
export function instrProperties(ins: Instr): Property[] {
  if (!ins.propertyMemo) ins.propertyMemo = readProperties(ins.node);
  return ins.propertyMemo;
}

/**
 * Values of the ARGs declared before the first FROM, each default expanded with the ones before
 * it (undefined: declared without a default).
 */
export function initialArgValues(file: ParsedDockerfile): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const ins of file.initialArgs) {
    for (const p of instrProperties(ins)) {
      vars.set(p.name, p.value === null ? undefined : expandVars(p.value, (n) => vars.get(n), file.escape) ?? undefined);
    }
  }
  return vars;
}

/** Writes a keyword in the file's own case. */
export function kw(file: ParsedDockerfile, keyword: string): string {
  return file.lowerCase ? keyword.toLowerCase() : keyword.toUpperCase();
}

/**
 * Looks a flag up by name (the parser's own getters fail when there are several flags, and
 * re-tokenize on each call: the flags are read once per instruction).
 */
export function flagValue(ins: Instr, name: string): string | null | undefined {
  let flags = ins.flagMemo;
  if (!flags) {
    flags = new Map(readFlags(ins.node));
    ins.flagMemo = flags;
  }
  return flags.has(name) ? flags.get(name) : undefined;
}
