// Views of a batch of planned files: text (diffs + summary), JSON, GitHub annotations; Markdown lives
// in report-markdown.ts. All pure: the CLI decides where the strings go.
import type { Colors } from './color';
import { plain } from './color';
import { resultPatch } from './patch';
import { formatMarkdown } from './report-markdown';
import { summarize } from './report-summary';
import type { FileResult, Message } from './types';

export { countFile, emptySummary, formatSummaryLine, summarize } from './report-summary';
export type { Summary } from './report-summary';

/**
 * What the reports need of a planned file once its texts are dropped: a batch keeps only these, so
 * memory does not grow with the size of the files. `patch` is kept only for reports that print diffs.
 */
export type ReportEntry = Pick<FileResult, 'path' | 'status' | 'messages' | 'baseBefore' | 'baseAfter' | 'context'> & { patch?: string };

/** The slim entry of a planned file; `withPatch` keeps its diff (Markdown). */
export function toEntry(r: FileResult, withPatch = false): ReportEntry {
  const e: ReportEntry = { path: r.path, status: r.status, messages: r.messages };
  if (r.baseBefore !== undefined) e.baseBefore = r.baseBefore;
  if (r.baseAfter !== undefined) e.baseAfter = r.baseAfter;
  if (r.context !== undefined) e.context = r.context;
  if (withPatch) e.patch = resultPatch(r);
  return e;
}

export type ReportFormat = 'text' | 'json' | 'markdown' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'github'];

/**
 * Text from files (names, image references, keywords) made safe for a terminal line: control
 * characters — escape sequences, CR/LF that would forge extra lines — are shown escaped.
 */
export function terminalSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** The one line naming a failed file: `path: error: reason (id)`. */
export function formatErrorLine(r: ReportEntry, c: Colors = plain): string {
  const m = r.messages.find((x) => x.severity === 'error') ?? r.messages[0];
  const where = terminalSafe(m?.line ? `${r.path}:${m.line}` : r.path);
  const reason = m ? terminalSafe(`${m.text} (${m.id})`) : 'failed';
  return `${where}: ${c.red('error')}: ${reason}`;
}

/** `path:line  id  text` for each message worth showing: warnings always, infos with --explain. Errors have their own line. */
/** Files left alone because there is nothing to do: quiet unless --explain. */
const DONE_ALREADY = new Set(['skip/already-multistage', 'skip/already-minimal', 'skip/base-image']);

export function formatMessageLines(r: ReportEntry, explain: boolean, c: Colors = plain): string[] {
  // A file left alone says why (unless it is done already); other reasons need --explain.
  const shown = (m: { severity: string; id: string }) =>
    m.severity === 'warning' || (m.severity === 'info' && (explain || (r.status === 'skipped' && !DONE_ALREADY.has(m.id))));
  const lines = r.messages
    .filter(shown)
    .map((m) => {
      const where = terminalSafe(m.line ? `${r.path}:${m.line}` : r.path);
      const id = m.severity === 'warning' ? c.yellow(terminalSafe(m.id)) : c.cyan(terminalSafe(m.id));
      return `${where}  ${id}  ${terminalSafe(m.text)}`;
    });
  // With --explain, the build context first: which folder, and where that came from.
  if (explain && r.context) lines.unshift(`${terminalSafe(r.path)}  ${c.cyan('context')}  ${terminalSafe(describeContext(r.context))}`);
  return lines;
}

const CONTEXT_SOURCES: Record<string, string> = {
  flag: '--context', config: 'the config', compose: 'compose', bake: 'bake', inferred: 'inferred', default: "the Dockerfile's folder (default)",
};

/** `build context services (compose: compose.yaml service web)`. */
export function describeContext(ctx: NonNullable<FileResult['context']>): string {
  const from = CONTEXT_SOURCES[ctx.source] ?? ctx.source;
  return `build context ${ctx.path} (${ctx.detail && ctx.source !== 'flag' ? `${from}: ${ctx.detail}` : from})`;
}

export function colorPatch(patch: string, c: Colors): string {
  if (!c.enabled) return patch;
  return patch.split('\n').map((line) => {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) return c.bold(line);
    if (line.startsWith('@@')) return c.cyan(line);
    if (line.startsWith('+')) return c.green(line);
    if (line.startsWith('-')) return c.red(line);
    return line;
  }).join('\n');
}

/** Text format: the diffs of changed files, one after the other. */
export function formatText(results: readonly FileResult[], c: Colors = plain): string {
  return results.map((r) => formatTextFile(r, c)).join('');
}

/** The text view of one file: its diff ('' when unchanged). */
export function formatTextFile(r: FileResult, c: Colors = plain): string {
  return colorPatch(resultPatch(r), c);
}

/** `-l`: one path per line of the files that change (or changed, with --write). */
export function formatList(results: readonly ReportEntry[]): string {
  return results.filter((r) => r.status === 'changed').map((r) => r.path + '\n').join('');
}

const jsonMessage = (m: Message) => ({ id: m.id, severity: m.severity, text: m.text, line: m.line ?? null });

/** Stable keys and order, no timestamps: the same input gives the same bytes. */
export function formatJson(results: readonly ReportEntry[]): string {
  const report = {
    summary: summarize(results),
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      messages: r.messages.map(jsonMessage),
      baseBefore: r.baseBefore ?? null,
      baseAfter: r.baseAfter ?? null,
      context: r.context ? { path: r.context.path, source: r.context.source, detail: r.context.detail ?? null } : null,
    })),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

// Workflow commands: data and property values need different escaping.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(kind: 'error' | 'warning' | 'notice', file: string, title: string, text: string, line?: number): string {
  const props = [`file=${escapeProperty(file)}`];
  if (line) props.push(`line=${line}`);
  props.push(`title=${escapeProperty(title)}`);
  return `::${kind} ${props.join(',')}::${escapeData(text)}\n`;
}

const KIND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations: errors and warnings always, one notice per changed file, infos with --explain. */
export function formatGithub(results: readonly ReportEntry[], explain = false): string {
  return results.map((r) => formatGithubFile(r, explain)).join('');
}

/** The annotations of one file. */
export function formatGithubFile(r: ReportEntry, explain = false): string {
  let out = '';
  if (r.status === 'changed') {
    const bases = r.baseBefore && r.baseAfter ? ` (${r.baseBefore} -> ${r.baseAfter})` : '';
    out += annotation('notice', r.path, 'stageify', `can be rewritten as a multi-stage build${bases}`);
  }
  for (const m of r.messages) {
    if (m.severity === 'info' && !explain) continue;
    out += annotation(KIND[m.severity], r.path, m.id, m.text, m.line);
  }
  return out;
}

export interface RenderOptions { explain: boolean; colors: Colors }

/** The report body for --format (stdout or -o FILE). Only the text diff may be colored. */
export function renderReport(format: ReportFormat, results: readonly (FileResult | ReportEntry)[], opts: RenderOptions): string {
  switch (format) {
    case 'json': return formatJson(results);
    case 'markdown': return formatMarkdown(results);
    case 'github': return formatGithub(results, opts.explain);
    // Diffs need the texts: slim entries (which have none) print nothing.
    default: return formatText(results.filter((r): r is FileResult => 'original' in r), opts.colors);
  }
}
