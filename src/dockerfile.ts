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

export interface Instr {
  /** Upper-case keyword. */
  keyword: string;
  /** The keyword as written (its case tells the file's style). */
  keywordRaw: string;
  node: Instruction;
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
  /** ENV/ARG properties, read once (see properties() in transforms/shared/instructions). */
  propertyMemo: { name: string; value: string | null }[] | undefined;
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
}

export interface CommentLine {
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
}

export interface ParsedDockerfile {
  text: string;
  ast: Dockerfile;
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

export function parseDockerfile(text: string): ParsedDockerfile {
  const ast = DockerfileParser.parse(text);
  const starts = lineStarts(text);
  const at = (p: { line: number; character: number }) => offsetAt(starts, text.length, p);
  const instructions: Instr[] = ast.getInstructions().map((node) => {
    const r = node.getRange();
    const start = at(r.start);
    const end = at(r.end);
    // Arguments start after the keyword and the blanks that follow it (computed from the text:
    // the parser's getArgumentsRange() re-tokenizes the whole instruction).
    let argsStart = at(node.getInstructionRange().end);
    while (argsStart < end && (text[argsStart] === ' ' || text[argsStart] === '\t')) argsStart++;
    return {
      keyword: node.getKeyword().toUpperCase(),
      keywordRaw: node.getInstruction(),
      node,
      start,
      end,
      lineStart: startOfLine(text, start),
      lineEnd: endOfLine(text, end),
      argsText: text.slice(argsStart, end),
      argsStart,
      line: r.start.line + 1,
      flagMemo: undefined,
      propertyMemo: undefined,
    };
  });
  const stages: Stage[] = [];
  const initialArgs: Instr[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      // The image and the stage name from one read of the arguments, as the parser's getImage()
      // and getBuildStage() read them (each of those re-tokenizes the instruction).
      const args = ins.node.getArguments();
      const image = args.length > 0 ? args[0].getValue() : null;
      let name: string | null = null;
      if (args.length > 2 && args[1].getValue().toUpperCase() === 'AS') {
        const nr = args[2].getRange();
        name = text.slice(at(nr.start), at(nr.end));
      }
      stages.push({ index: stages.length, from: ins, body: [], name, image, shownImage: undefined });
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
  for (const c of ast.getComments()) {
    const r = c.getRange();
    const start = at(r.start);
    while (k < instructions.length && instructions[k].end <= start) k++;
    const inside = k < instructions.length && start > instructions[k].start && start < instructions[k].end;
    if (inside) continue;
    const end = at(r.end);
    comments.push({ start, end, lineStart: startOfLine(text, start), lineEnd: endOfLine(text, end) });
  }
  const firstFrom = instructions.find((i) => i.keyword === 'FROM');
  return {
    text,
    ast,
    eol: detectEol(text),
    escape: ast.getEscapeCharacter(),
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

/**
 * Values of the ARGs declared before the first FROM, each default expanded with the ones before
 * it (undefined: declared without a default).
 */
export function initialArgValues(file: ParsedDockerfile): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const ins of file.initialArgs) {
    const node = ins.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
    for (const p of node.getProperties?.() ?? []) {
      const value = p.getValue();
      vars.set(p.getName(), value === null ? undefined : expandVars(value, (n) => vars.get(n), file.escape) ?? undefined);
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
    const node = ins.node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] };
    flags = new Map();
    for (const f of node.getFlags ? node.getFlags() : []) {
      const key = f.getName().toLowerCase();
      if (!flags.has(key)) flags.set(key, f.getValue());
    }
    ins.flagMemo = flags;
  }
  return flags.has(name) ? flags.get(name) : undefined;
}
