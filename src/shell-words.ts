// A small lexer for the shell text of RUN / CMD / ENTRYPOINT / HEALTHCHECK (shell form).
// It finds simple commands and their words with offsets, and notes every shell feature used,
// so callers can tell whether a command can run without a shell (exec form).

export interface Word {
  /** The word with quotes and escapes removed; expansions are kept as written (`$PORT`). */
  value: string;
  /** Offsets in the original text (relative to the `base` given to the lexer). */
  start: number;
  end: number;
  /** Contains `$` or backquote expansion. */
  expansion: boolean;
  quoted: boolean;
}

export interface SimpleCommand {
  words: Word[];
}

export type ShellFeature =
  | 'expansion' | 'quote' | 'operator' | 'redirect' | 'glob' | 'subshell' | 'comment' | 'tilde' | 'escape' | 'keyword' | 'assignment';

export interface ShellScan {
  commands: SimpleCommand[];
  features: Set<ShellFeature>;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'case', 'esac', '{', '}', '!', 'in']);

/**
 * Scans shell text. `escape` is the Dockerfile escape character: `<escape><newline>` joins lines
 * (Docker removes it before the shell sees the text), and comment lines inside a continued
 * instruction are dropped, as Docker does.
 */
export function scanShell(text: string, base = 0, escape = '\\'): ShellScan {
  const features = new Set<ShellFeature>();
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let cur: Word | null = null;
  let atLineStart = false;

  const startWord = (i: number) => {
    if (!cur) cur = { value: '', start: base + i, end: base + i, expansion: false, quoted: false };
    return cur;
  };
  const endWord = (i: number) => {
    if (cur) {
      cur.end = base + i;
      words.push(cur);
      cur = null;
    }
  };
  const endCommand = () => {
    if (words.length) commands.push({ words });
    words = [];
  };

  // Returns the index after a Dockerfile line continuation starting at i, or -1.
  const continuation = (i: number): number => {
    if (text[i] !== escape) return -1;
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
    if (text[j] === '\n' || text[j] === '\r') return j + 1;
    return -1;
  };

  let i = 0;
  while (i < text.length) {
    if (atLineStart) {
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '#') {
        while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
      if (j >= text.length || text[j] === '\n' || text[j] === '\r') {
        // An empty line inside a continuation: Docker drops it.
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
      atLineStart = false;
    }
    const cont = continuation(i);
    if (cont >= 0) {
      i = cont;
      atLineStart = true;
      continue;
    }
    const c = text[i];
    if (c === ' ' || c === '\t') {
      endWord(i);
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      endWord(i);
      endCommand();
      features.add('operator');
      i++;
      continue;
    }
    if (c === "'") {
      const w = startWord(i);
      w.quoted = true;
      features.add('quote');
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      w.value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      const w = startWord(i);
      w.quoted = true;
      features.add('quote');
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        const cj = continuation(j);
        if (cj >= 0) {
          j = cj;
          continue;
        }
        if (text[j] === '\\' && j + 1 < text.length && '$`"\\'.includes(text[j + 1])) {
          w.value += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === '$' || text[j] === '`') {
          w.expansion = true;
          features.add('expansion');
        }
        w.value += text[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      const w = startWord(i);
      features.add('escape');
      if (i + 1 < text.length) w.value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const w = startWord(i);
      w.expansion = true;
      features.add('expansion');
      if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
        // Take the whole $(...) / ${...} as part of the word.
        const open = text[i + 1];
        const close = open === '(' ? ')' : '}';
        let depth = 0;
        let j = i + 1;
        for (; j < text.length; j++) {
          if (text[j] === open) depth++;
          else if (text[j] === close && --depth === 0) break;
        }
        w.value += text.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      if (c === '`') {
        const close = text.indexOf('`', i + 1);
        const stop = close < 0 ? text.length : close + 1;
        w.value += text.slice(i, stop);
        i = stop;
        continue;
      }
      w.value += c;
      i++;
      continue;
    }
    if (c === ';' || c === '&' || c === '|') {
      endWord(i);
      endCommand();
      features.add('operator');
      i += text[i + 1] === c ? 2 : 1;
      continue;
    }
    if (c === '(' || c === ')') {
      endWord(i);
      endCommand();
      features.add('subshell');
      i++;
      continue;
    }
    if (c === '<' || c === '>') {
      features.add('redirect');
      // A redirect ends the word before it unless that word is a descriptor number (2>&1).
      if (cur && !/^\d+$/.test((cur as Word).value)) endWord(i);
      const w = startWord(i);
      w.value += c;
      i++;
      continue;
    }
    if (c === '#' && !cur) {
      features.add('comment');
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') features.add('glob');
    if (c === '~' && !cur) features.add('tilde');
    if ((c === '{' || c === '}') && !cur) features.add('keyword');
    startWord(i).value += c;
    i++;
  }
  endWord(text.length);
  endCommand();
  // Reserved words start new commands; keep only the command words.
  const split: SimpleCommand[] = [];
  for (const cmd of commands) {
    let ws: Word[] = [];
    for (const w of cmd.words) {
      if (ws.length === 0 && !w.quoted && RESERVED.has(w.value)) {
        features.add('keyword');
        continue;
      }
      ws.push(w);
    }
    if (ws.length) split.push({ words: ws });
  }
  for (const cmd of split) {
    if (cmd.words.length && isAssignment(cmd.words[0])) features.add('assignment');
  }
  return { commands: split, features };
}

export function isAssignment(w: Word): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value) && !w.value.startsWith('=');
}

const EXACT_WITHOUT_SHELL = new Set<ShellFeature>(['quote', 'escape']);

/** Whether the text needs a shell at run time: anything beyond one command of literal words. */
export function needsShell(scan: ShellScan): boolean {
  if (scan.commands.length !== 1) return true;
  for (const f of scan.features) if (!EXACT_WITHOUT_SHELL.has(f)) return true;
  return false;
}

/**
 * Splits a shell-form command into exec-form argv when that is exact: one simple command of
 * literal words (quoting allowed; no variables, globs, redirects, operators or assignments).
 */
export function toArgv(text: string, escape = '\\'): string[] | null {
  return argvOf(scanShell(text, 0, escape));
}

/** The exec-form argv of a scanned command, or null when it needs a shell (see toArgv). */
export function argvOf(scan: ShellScan): string[] | null {
  if (needsShell(scan)) return null;
  const words = scan.commands[0].words;
  // `exec prog args` in a shell replaces the shell with prog: without a shell, that is just prog.
  const start = words.length > 1 && words[0].value === 'exec' && !words[0].quoted ? 1 : 0;
  return words.slice(start).map((w) => w.value);
}
