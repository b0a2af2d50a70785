// Markdown report, ready to paste into a migration pull request: a summary table (with the estimated
// size saving), a per-file table, then per file its status, base before → after, the reasons and the diff.
import { resultPatch } from './patch';
import { summarize } from './report-summary';
import type { FileResult } from './types';
import { approxSizeMb } from './engine';

/** A planned file as the report sees it: a full result, or a slim entry holding its diff. */
type Entry = Pick<FileResult, 'path' | 'status' | 'messages' | 'baseBefore' | 'baseAfter' | 'context'> &
  Partial<Pick<FileResult, 'original' | 'output'>> & { patch?: string };

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

const bases = (r: Entry) =>
  r.baseBefore || r.baseAfter ? `${code(r.baseBefore ?? '?')} → ${code(r.baseAfter ?? r.baseBefore ?? '?')}` : '';

const patchOf = (r: Entry): string =>
  r.patch ?? (r.original !== undefined && r.output !== undefined ? resultPatch(r as FileResult) : '');

function sizeOf(image: string): number | null {
  try {
    return approxSizeMb(image);
  } catch {
    return null; // an image reference the table cannot parse is just unknown
  }
}

/**
 * Estimated saving of a changed file in MB (final image base before minus after), null when either
 * base is not in the table of known sizes. Files that do not change save nothing.
 */
export function sizeSavingMb(r: Pick<FileResult, 'status' | 'baseBefore' | 'baseAfter'>): number | null | undefined {
  if (r.status !== 'changed') return undefined;
  if (!r.baseBefore || !r.baseAfter) return null;
  const before = sizeOf(r.baseBefore);
  const after = sizeOf(r.baseAfter);
  return before === null || after === null ? null : before - after;
}

const mb = (n: number) => `${n.toLocaleString('en-US')} MB`;
const savingCell = (s: number | null | undefined) => (s === undefined ? '' : s === null ? '?' : `~${mb(s)}`);

const SOURCE_TEXT: Record<string, string> = {
  flag: 'given with --context', config: 'from the config', compose: 'declared in compose', bake: 'declared in bake',
  inferred: 'inferred', default: "the Dockerfile's folder (default)",
};

function contextSource(ctx: NonNullable<FileResult['context']>): string {
  const from = SOURCE_TEXT[ctx.source] ?? ctx.source;
  return ctx.detail && ctx.source !== 'flag' ? `${from}: ${ctx.detail.replace(/\r?\n/g, ' ')}` : from;
}

export function formatMarkdown(results: readonly Entry[]): string {
  const s = summarize(results);
  let total = 0;
  let unknown = 0;
  for (const r of results) {
    const saving = sizeSavingMb(r);
    if (saving === null) unknown++;
    else if (saving !== undefined) total += saving;
  }
  const lines: string[] = [
    '## stageify report',
    '',
    '| Files | Changed | Unchanged | Skipped | Errors |',
    '|---:|---:|---:|---:|---:|',
    `| ${s.files} | ${s.changed} | ${s.unchanged} | ${s.skipped} | ${s.errors} |`,
    '',
  ];
  if (results.length === 0) return lines.join('\n');
  const plural = unknown === 1 ? 'file' : 'files';
  lines.push(
    `**Estimated size saving: ~${mb(total)}**` +
    (unknown ? ` (plus ? for ${unknown} ${plural} whose base image size is unknown)` : '') +
    ' — per image, the approximate size of the final base before minus after; the layers the build adds are the same on both sides.',
    '',
  );

  lines.push('| File | Status | Base before → after | Est. saving |', '|---|---|---|---:|');
  for (const r of results) lines.push(`| ${cell(code(r.path))} | ${r.status} | ${cell(bases(r))} | ${savingCell(sizeSavingMb(r))} |`);
  lines.push('');

  for (const r of results) {
    if (r.messages.length === 0 && r.status !== 'changed') continue;
    lines.push(`### ${code(r.path)} — ${r.status}`, '');
    if (bases(r)) lines.push(`Base: ${bases(r)}`, '');
    const saving = sizeSavingMb(r);
    if (saving !== undefined) lines.push(`Estimated saving: ${saving === null ? '?' : `~${mb(saving)}`}`, '');
    for (const m of r.messages) {
      lines.push(`- **${m.severity}** ${code(m.id)}${m.line ? ` (line ${m.line})` : ''}: ${m.text.replace(/\r?\n/g, ' ')}`);
    }
    if (r.messages.length) lines.push('');
    if (r.context) lines.push(`Build context: ${code(r.context.path)} — ${contextSource(r.context)}`, '');
    const patch = patchOf(r);
    if (patch) lines.push('<details><summary>Diff</summary>', '', fence(patch, 'diff'), '</details>', '');
  }
  return lines.join('\n');
}
