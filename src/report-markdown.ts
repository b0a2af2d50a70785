// Markdown report, ready to paste into a pull request: summary table, per-file table, reasons, diffs.
import { resultPatch } from './patch';
import { summarize } from './report-summary';
import type { FileResult } from './types';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => {
  // A code span needs a longer backtick run than any inside it.
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return ticks + pad + s + pad + ticks;
};

function fence(body: string, lang: string): string {
  const ticks = '`'.repeat(Math.max(3, ...(body.match(/`{3,}/g) ?? []).map((t) => t.length + 1)));
  return `${ticks}${lang}\n${body.endsWith('\n') ? body : body + '\n'}${ticks}\n`;
}

const bases = (r: FileResult) =>
  r.baseBefore || r.baseAfter ? `${code(r.baseBefore ?? '?')} → ${code(r.baseAfter ?? r.baseBefore ?? '?')}` : '';

export function formatMarkdown(results: readonly FileResult[]): string {
  const s = summarize(results);
  const lines: string[] = [
    '## stageify report',
    '',
    '| Files | Changed | Unchanged | Skipped | Errors |',
    '|---:|---:|---:|---:|---:|',
    `| ${s.files} | ${s.changed} | ${s.unchanged} | ${s.skipped} | ${s.errors} |`,
    '',
  ];
  if (results.length === 0) return lines.join('\n');

  lines.push('| File | Status | Base before → after |', '|---|---|---|');
  for (const r of results) lines.push(`| ${cell(code(r.path))} | ${r.status} | ${cell(bases(r))} |`);
  lines.push('');

  for (const r of results) {
    if (r.messages.length === 0 && r.status !== 'changed') continue;
    lines.push(`### ${code(r.path)} — ${r.status}`, '');
    if (bases(r)) lines.push(`Base: ${bases(r)}`, '');
    for (const m of r.messages) {
      lines.push(`- **${m.severity}** ${code(m.id)}${m.line ? ` (line ${m.line})` : ''}: ${m.text.replace(/\r?\n/g, ' ')}`);
    }
    if (r.messages.length) lines.push('');
    const patch = resultPatch(r);
    if (patch) lines.push('<details><summary>Diff</summary>', '', fence(patch, 'diff'), '</details>', '');
  }
  return lines.join('\n');
}
