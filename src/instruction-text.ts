// The text of an instruction's arguments as Docker reads it: continuation lines joined (inner
// comment lines dropped) and leading `--flag` words split off. Pure text helpers shared by the
// verifier and the transforms.

/** The argument text with line continuations joined and inner comment lines dropped. */
export function joinContinuations(text: string, escape: string): string {
  // Most arguments are one line: nothing to join.
  if (!/[\r\n]/.test(text)) return text;
  const trailingEscape = continuationPattern(escape);
  const lines = text.split(/\r\n|\n|\r/);
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (k > 0 && /^\s*#/.test(line)) continue;
    const m = trailingEscape.exec(line);
    if (m && k < lines.length - 1) {
      line = line.slice(0, m.index);
      out += line;
    } else {
      out += line;
      if (k < lines.length - 1) out += '\n';
    }
  }
  return out;
}

const BACKSLASH_CONTINUATION = /\\[ \t]*$/;
const BACKTICK_CONTINUATION = /`[ \t]*$/;

function continuationPattern(escape: string): RegExp {
  if (escape === '\\') return BACKSLASH_CONTINUATION;
  if (escape === '`') return BACKTICK_CONTINUATION;
  return new RegExp(`${escapeRe(escape)}[ \\t]*$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Leading `--flag` / `--flag=value` words and the rest of the text. */
export function splitFlags(args: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let rest = args.trimStart();
  for (;;) {
    const m = /^--([A-Za-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags.set(m[1].toLowerCase(), m[2] ?? '');
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}
