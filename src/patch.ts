// Git-style unified diffs of planned rewrites. `git apply` must accept the output as is.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult } from './types';

/**
 * A unified diff of one file, '' when nothing changed. `rel` is a relative POSIX path.
 * CRLF is kept inside lines and a missing final newline gets git's `\ No newline` marker (jsdiff does both).
 */
export function filePatch(rel: string, before: string, after: string): string {
  if (before === after) return '';
  // FILE_HEADERS_ONLY: no `Index:` / `===` lines, which git apply would take for garbage.
  return createTwoFilesPatch('a/' + rel, 'b/' + rel, before, after, undefined, undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY });
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
