// How Docker reads the arguments of CMD, ENTRYPOINT, RUN, HEALTHCHECK CMD and SHELL: text that
// starts with `[` is decoded as a JSON array; when that fails the whole text is the shell form
// (`/bin/sh -c '<text>'`), and an array holding anything but strings stops the build. A file whose
// command reads one way and runs the other is left alone with a message that says what Docker runs.
import type { Instr, ParsedDockerfile } from './dockerfile';
import { msg } from './messages';
import type { Message } from './types';
import { scanShell } from './shell-words';

export type ExecReading =
  /** Does not start with `[` (or is empty): the shell form, as written. */
  | { kind: 'shell' }
  /** A JSON array of strings: the exec form. */
  | { kind: 'exec'; argv: string[] }
  /** Starts with `[` but is not JSON: Docker runs the whole text as a shell command. */
  | { kind: 'not-json'; why: string }
  /** JSON, but not an array of strings: Docker refuses to build the file. */
  | { kind: 'not-strings'; element: string };

/**
 * Docker's reading of an instruction's argument text (continuations joined, flags removed).
 * The JSON is decoded as Go's encoding/json does: strict JSON, nothing after the array, backslash
 * escapes whatever the file's escape directive says (that directive only joins lines).
 */
export function readExecForm(text: string): ExecReading {
  const t = text.replace(/^\s+/, '');
  if (!t.startsWith('[')) return { kind: 'shell' };
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return { kind: 'not-json', why: whyNotJson(t) };
  }
  if (!Array.isArray(value)) return { kind: 'not-json', why: whyNotJson(t) };
  for (const x of value) {
    // Go fails to decode a number out of float64 range; that failure makes the text shell form.
    if (typeof x === 'number' && !Number.isFinite(x)) return { kind: 'not-json', why: 'a number too large for JSON decoding' };
  }
  const bad = value.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) return { kind: 'not-strings', element: JSON.stringify(value[bad]) };
  return { kind: 'exec', argv: value as string[] };
}

/** The first thing that keeps `t` (which starts with `[`) from being a JSON array of strings. */
export function whyNotJson(t: string): string {
  let i = 1;
  const ws = () => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  };
  const wordAt = (k: number) => t.slice(k).split(/[\s,\]"']/, 1)[0] || t[k];
  let afterComma = false;
  for (;;) {
    ws();
    if (i >= t.length) return 'no closing ]';
    const c = t[i];
    if (c === ']') {
      if (afterComma) return 'a comma before the closing ]';
      i++;
      ws();
      return i < t.length ? `text after the closing ]: \`${t.slice(i).split(/\s/, 1)[0].slice(0, 20)}\`` : 'not a JSON array of strings';
    }
    if (c === "'") return 'single quotes; JSON strings take double quotes';
    if (c === ',') return 'an empty element between commas';
    if (c !== '"') return `an element that is not a quoted string: \`${wordAt(i)}\``;
    i++;
    for (;;) {
      if (i >= t.length) return 'a string that never ends';
      const s = t[i];
      if (s === '"') break;
      if (s.charCodeAt(0) < 0x20) return 'a tab or line break inside a string';
      if (s === '\\') {
        const e = t[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) return '\\u not followed by four hex digits';
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          return `\\${e ?? ''} is not a JSON escape (in a JSON string a backslash starts an escape: write \\\\ for one)`;
        }
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    ws();
    if (i >= t.length) return 'no closing ]';
    if (t[i] === ',') {
      i++;
      afterComma = true;
      continue;
    }
    if (t[i] === ']') {
      afterComma = false;
      continue;
    }
    if (t[i] === '"' || t[i] === "'") return 'a comma is missing between elements';
    return `\`${wordAt(i)}\` outside the quoted strings`;
  }
}

/**
 * An instruction's arguments as Docker's parser sees them: continuation lines joined (the escape
 * character and the blanks after it removed), comment and empty lines inside dropped, trimmed.
 */
export function dockerArgs(argsText: string, escape: string): string {
  if (!/[\r\n]/.test(argsText) && !argsText.trimEnd().endsWith(escape)) return argsText.trim();
  const lines = argsText.split(/\r\n|\n|\r/);
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (k > 0 && /^\s*(#|$)/.test(line)) continue;
    const bare = line.replace(/[ \t]+$/, '');
    const continued = bare.endsWith(escape);
    if (continued) line = bare.slice(0, -escape.length);
    out += line;
    if (!continued) break;
  }
  return out.trim();
}

/** Leading `--name=value` words (quotes allowed in values) and the text after them, as Docker splits them. */
export function splitDockerFlags(args: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let i = 0;
  for (;;) {
    while (i < args.length && /\s/.test(args[i])) i++;
    if (!args.startsWith('--', i)) return { flags, rest: args.slice(i) };
    let word = '';
    let quote = '';
    for (; i < args.length; i++) {
      const c = args[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === escape && i + 1 < args.length) word += args[++i];
        else word += c;
      } else if (/\s/.test(c)) break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === escape && i + 1 < args.length) word += args[++i];
      else word += c;
    }
    if (word === '--') return { flags, rest: args.slice(i).replace(/^\s+/, '') };
    flags.push(word);
  }
}

/** The instructions whose exec form a rewrite moves or analyses. */
const COMMAND_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'HEALTHCHECK', 'SHELL']);

export interface CommandText {
  /** `CMD`, `ENTRYPOINT`, `RUN`, `SHELL` or `HEALTHCHECK CMD`. */
  keyword: string;
  /** The command as Docker's parser hands it on (null: none, e.g. HEALTHCHECK NONE). */
  text: string | null;
}

/** The command text of a CMD, ENTRYPOINT, RUN, HEALTHCHECK or SHELL instruction. */
export function commandText(ins: Instr, escape: string): CommandText {
  const { rest } = splitDockerFlags(dockerArgs(ins.argsText, escape), escape);
  if (ins.keyword !== 'HEALTHCHECK') return { keyword: ins.keyword, text: rest };
  const m = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  if (!m || m[1].toUpperCase() !== 'CMD') return { keyword: 'HEALTHCHECK', text: null };
  return { keyword: 'HEALTHCHECK CMD', text: m[2] };
}

/** A shell-test command (`[ -f /x ]`, `[[ … ]]`): a leading `[` that the author meant for the shell. */
export function isShellTest(text: string, escape: string): boolean {
  const first = scanShell(text, 0, escape).commands[0];
  if (!first || first.words.length < 2) return false;
  const open = first.words[0];
  const close = first.words[first.words.length - 1];
  const pair = (open.value === '[' && close.value === ']') || (open.value === '[[' && close.value === ']]');
  if (!pair || open.quoted || close.quoted) return false;
  // `[ "a", "b", ]`: a JSON list with a stray comma, not a test.
  return !first.words.some((w) => w.value.endsWith(','));
}

/**
 * `word` as a POSIX shell reads it back: bare when safe, in double quotes when it holds single
 * quotes and nothing a double-quoted string expands, else in single quotes.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_\-./=:,@%+]+$/.test(word)) return word;
  if (word.includes("'") && !/["$`\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

/**
 * The first CMD, ENTRYPOINT, RUN, HEALTHCHECK CMD or SHELL that Docker would run differently from
 * how it reads (a `[` form that is not JSON, so a shell command) or refuse (an array of non-strings,
 * a SHELL that is not a JSON array): the message that leaves the file alone, or null.
 */
export function execFormProblem(file: ParsedDockerfile): Message | null {
  let shell = DEFAULT_SHELL;
  for (const ins of file.instructions) {
    if (ins.keyword === 'FROM') shell = DEFAULT_SHELL;
    if (!COMMAND_KEYWORDS.has(ins.keyword)) continue;
    // Most instructions are plain shell form or well-formed JSON: decide cheaply.
    if (ins.keyword !== 'SHELL' && !ins.argsText.includes('[')) continue;
    const { keyword, text } = commandText(ins, file.escape);
    if (text === null) continue;
    const reading = readExecForm(text);
    if (ins.keyword === 'SHELL') {
      if (reading.kind === 'exec' && reading.argv.length) {
        shell = reading.argv;
        continue;
      }
      const problem = reading.kind === 'exec' ? 'is an empty array' : reading.kind === 'not-strings' ? `holds ${reading.element}, not a string` : reading.kind === 'not-json' ? `is not valid JSON (${reading.why})` : 'is not a JSON array';
      return msg('skip/exec-form-refused', { line: ins.line, keyword, problem, fix: 'write SHELL as a JSON array of strings, e.g. ["/bin/bash", "-c"]' }, ins.line);
    }
    if (reading.kind === 'not-strings') {
      return msg('skip/exec-form-refused', { line: ins.line, keyword, problem: `is a JSON array holding ${reading.element}, not a string`, fix: 'quote every element' }, ins.line);
    }
    if (reading.kind !== 'not-json') continue;
    // `[ -f /x ]` is the shell's test command, meant as shell form. A CMD or ENTRYPOINT that ends in
    // `]` is left alone even so: it reads as a broken exec form to anyone who reads the rewrite.
    const endsLikeArray = (keyword === 'CMD' || keyword === 'ENTRYPOINT') && text.endsWith(']');
    if (isShellTest(text, file.escape) && !endsLikeArray) continue;
    const command = [...shell.map(shellQuote), shellQuote(text)].join(' ');
    return msg('skip/not-json-exec-form', { line: ins.line, keyword, why: reading.why, command }, ins.line);
  }
  return null;
}
