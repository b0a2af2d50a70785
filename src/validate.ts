// Checks a rewrite before anyone sees it: it must parse into known instructions, keep a valid
// stage structure, and name only stages that exist.
import { parseDockerfile } from './dockerfile';
import { flagValue } from './dockerfile';
import { execForm, joinContinuations } from '../transforms/shared/instructions';

/** Problems found in a rewritten Dockerfile (empty when it passes). */
export function validateRewrite(text: string): string[] {
  const problems: string[] = [];
  const file = parseDockerfile(text);
  for (const u of file.unknownKeywords) problems.push(`unknown instruction ${u.keyword} on line ${u.line}`);
  const first = file.instructions[0];
  if (!first || (first.keyword !== 'FROM' && first.keyword !== 'ARG')) problems.push('the first instruction is not FROM or ARG');
  const beforeFrom = file.instructions.findIndex((i) => i.keyword === 'FROM');
  if (file.instructions.slice(0, Math.max(beforeFrom, 0)).some((i) => i.keyword !== 'ARG')) problems.push('an instruction other than ARG comes before FROM');
  if (file.stages.length < 2) problems.push('the result is not multi-stage');
  const names = new Set<string>();
  file.stages.forEach((stage, k) => {
    if (stage.name) {
      const n = stage.name.toLowerCase();
      if (names.has(n)) problems.push(`stage name ${stage.name} is used twice`);
      names.add(n);
    }
    for (const ins of stage.body) {
      if (ins.keyword === 'COPY') {
        const from = flagValue(ins, 'from');
        if (from !== undefined) {
          const earlier = file.stages.slice(0, k).some((s, idx) => (s.name && s.name.toLowerCase() === (from ?? '').toLowerCase()) || String(idx) === from);
          if (!earlier) problems.push(`COPY --from=${from} on line ${ins.line} names no earlier stage`);
        }
      }
      if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
        const t = joinContinuations(ins.argsText, file.escape).trim();
        if (t.startsWith('[') && t.endsWith(']') && execForm(t) === null) problems.push(`${ins.keyword} on line ${ins.line} is not valid JSON`);
      }
      if (/\bgo-wrapper\b/.test(ins.argsText) && ins.keyword !== 'LABEL') problems.push(`go-wrapper is still used on line ${ins.line}`);
    }
  });
  if (text.length && !/[\r\n]$/.test(text)) problems.push('the result does not end with a line break');
  return problems;
}
