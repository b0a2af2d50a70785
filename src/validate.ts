// Checks a rewrite before anyone sees it. The output is re-read by a second, independent reader
// (a line scanner written to Docker's own rules, not the parser that planned the edits) and must
// have known instructions, a valid stage structure, and name only stages that exist.
import { KNOWN_KEYWORDS } from './dockerfile';

export interface ScannedInstruction {
  keyword: string;
  /** Arguments with continuations joined and inner comment lines dropped. */
  args: string;
  /** 1-based line where it starts. */
  line: number;
}

const LINE_BREAK = /\r\n|\n|\r/;

/** Splits Dockerfile text into instructions the way Docker reads it (directives, continuations, heredocs). */
export function scanInstructions(text: string): ScannedInstruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(LINE_BREAK);
  let escape = '\\';
  let k = 0;
  // Parser directives: `# name=value` lines at the very top.
  for (; k < lines.length; k++) {
    const m = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.exec(lines[k]);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const continued = (l: string) => {
    let e = l.length;
    while (e > 0 && (l[e - 1] === ' ' || l[e - 1] === '\t')) e--;
    return e > 0 && l[e - 1] === escape;
  };
  const out: ScannedInstruction[] = [];
  while (k < lines.length) {
    const first = lines[k];
    if (/^\s*(#|$)/.test(first)) {
      k++;
      continue;
    }
    const start = k;
    let joined = '';
    let l = first;
    for (;;) {
      if (continued(l) && k + 1 < lines.length) {
        joined += l.replace(/[ \t]+$/, '').slice(0, -1);
        k++;
        // Comment lines inside a continued instruction are dropped; so are empty ones.
        while (k < lines.length - 1 && /^\s*(#|$)/.test(lines[k])) k++;
        l = lines[k];
        continue;
      }
      joined += l;
      k++;
      break;
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(joined);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    out.push({ keyword, args: m[2], line: start + 1 });
    if ((keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'ONBUILD') && m[2].includes('<<')) {
      for (const h of m[2].matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
        const strip = h[1] === '-';
        while (k < lines.length && (strip ? lines[k].replace(/^\t+/, '') : lines[k]) !== h[3]) k++;
        k++;
      }
    }
  }
  return out;
}

/** Where a COPY can name a stage at all (the flag itself is read from the leading flags below). */
const FROM_FLAG = /--from=/i;

interface StageInfo {
  name: string | null;
  body: ScannedInstruction[];
}

/** Problems found in a rewritten Dockerfile (empty when it passes). */
export function validateRewrite(text: string): string[] {
  const problems: string[] = [];
  const instructions = scanInstructions(text);
  for (const i of instructions) if (!KNOWN_KEYWORDS.has(i.keyword)) problems.push(`unknown instruction ${i.keyword} on line ${i.line}`);
  const first = instructions[0];
  if (!first || (first.keyword !== 'FROM' && first.keyword !== 'ARG')) problems.push('the first instruction is not FROM or ARG');
  const stages: StageInfo[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      if (!words[0]) problems.push(`FROM on line ${ins.line} names no image`);
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : null;
      stages.push({ name, body: [] });
    } else if (stages.length) stages[stages.length - 1].body.push(ins);
    else if (ins.keyword !== 'ARG') problems.push('an instruction other than ARG comes before FROM');
  }
  if (stages.length < 2) problems.push('the result is not multi-stage');
  const names = new Set<string>();
  stages.forEach((stage, k) => {
    if (stage.name) {
      const n = stage.name.toLowerCase();
      if (names.has(n)) problems.push(`stage name ${stage.name} is used twice`);
      names.add(n);
    }
    for (const ins of stage.body) {
      if (ins.keyword === 'COPY' && FROM_FLAG.test(ins.args)) {
        const from = /(?:^|\s)--from=(\S+)/i.exec(ins.args.split(/\s(?=[^-])/)[0] ?? '')?.[1];
        if (from !== undefined) {
          const earlier = stages.slice(0, k).some((s, idx) => (s.name && s.name.toLowerCase() === from.toLowerCase()) || String(idx) === from);
          if (!earlier) problems.push(`COPY --from=${from} on line ${ins.line} names no earlier stage`);
        }
      }
      if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
        const t = ins.args.trim();
        if (t.startsWith('[') && t.endsWith(']') && !isJsonStringArray(t)) problems.push(`${ins.keyword} on line ${ins.line} is not valid JSON`);
      }
      if (ins.args.includes('go-wrapper') && /\bgo-wrapper\b/.test(ins.args) && ins.keyword !== 'LABEL') problems.push(`go-wrapper is still used on line ${ins.line}`);
    }
  });
  if (text.length && !/[\r\n]$/.test(text)) problems.push('the result does not end with a line break');
  return problems;
}

function isJsonStringArray(t: string): boolean {
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}
