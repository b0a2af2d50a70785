// Git-style unified diffs of planned rewrites. `git apply` must accept the output as is.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult } from './types';

/**
 * A unified diff of one file, '' when nothing changed. `rel` is a relative POSIX path.
 * CRLF is kept inside lines and a missing final newline gets git's `\ No newline` marker (jsdiff does both).
 */
export function filePatch(rel: string, before: string, after: string): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  // Myers' diff is O(N·D): for big files take one hunk around the changed span (linear, and
  // still exact for git apply) rather than the smallest diff.
  if (oldLines.length + newLines.length > LINEAR_PATCH_LINES) return spanPatch(rel, oldLines, newLines);
  // FILE_HEADERS_ONLY: no `Index:` / `===` lines, which git apply would take for garbage.
  return createTwoFilesPatch('a/' + rel, 'b/' + rel, before, after, undefined, undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/** Above this many lines (old + new), patches are one hunk around the changed span. */
export const LINEAR_PATCH_LINES = 4000;
const CONTEXT = 3;

/** Lines with their terminators (`\r\n`, `\n`); the last one may have none. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** A unified diff with a single hunk: the common prefix and suffix lines are context. */
export function spanPatch(rel: string, oldLines: string[], newLines: string[]): string {
  let p = 0;
  while (p < oldLines.length && p < newLines.length && oldLines[p] === newLines[p]) p++;
  let q = 0;
  while (q < oldLines.length - p && q < newLines.length - p && oldLines[oldLines.length - 1 - q] === newLines[newLines.length - 1 - q]) q++;
  const from = Math.max(0, p - CONTEXT);
  const oldEnd = Math.min(oldLines.length, oldLines.length - q + CONTEXT);
  const newEnd = Math.min(newLines.length, newLines.length - q + CONTEXT);
  const out: string[] = [`--- a/${rel}`, `+++ b/${rel}`];
  const oldCount = oldEnd - from;
  const newCount = newEnd - from;
  out.push(`@@ -${oldCount ? from + 1 : from},${oldCount} +${newCount ? from + 1 : from},${newCount} @@`);
  const emit = (prefix: string, l: string) => {
    out.push(prefix + l.replace(/\n$/, ''));
    if (!l.endsWith('\n')) out.push('\\ No newline at end of file');
  };
  for (let k = from; k < p; k++) emit(' ', oldLines[k]);
  for (let k = p; k < oldLines.length - q; k++) emit('-', oldLines[k]);
  for (let k = p; k < newLines.length - q; k++) emit('+', newLines[k]);
  for (let k = oldLines.length - q; k < oldEnd; k++) emit(' ', oldLines[k]);
  return out.join('\n') + '\n';
}

/** The patch of a planned file, using its display path. */
export function resultPatch(result: Pick<FileResult, 'path' | 'original' | 'output' | 'status'>): string {
  return result.status === 'changed' ? filePatch(result.path, result.original, result.output) : '';
}

/**
 * One combined patch as bytes: each file's hunks are encoded like the file itself,
 * so a latin1 Dockerfile's patch applies to its latin1 bytes.
 */
export function combinedPatch(results: readonly FileResult[]): Buffer {
  return Buffer.concat(results.map((r) => Buffer.from(resultPatch(r), r.encoding)));
}
