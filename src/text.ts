// Text helpers: lossless decoding, line endings, LSP positions → offsets.

export type Encoding = 'utf8' | 'latin1';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes bytes without losing any: valid UTF-8 is decoded as UTF-8 (BOM kept as U+FEFF);
 * anything else as latin1, which maps every byte to one char and back.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

export function encodeText(text: string, encoding: Encoding): Buffer {
  return Buffer.from(text, encoding);
}

/** The file's line ending: the first one found, `\n` when there is none. */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Offsets where each line starts. Line breaks are \r\n, \n and a lone \r, as in LSP documents. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export interface Position {
  line: number;
  character: number;
}

export function offsetAt(starts: readonly number[], textLength: number, pos: Position): number {
  if (pos.line >= starts.length) return textLength;
  return Math.min(starts[pos.line] + pos.character, textLength);
}

/** Offset just past the line ending of the line containing `offset` (or the text's end). */
export function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (i < text.length) return i + 1;
  return i;
}

/** Offset of the start of the line containing `offset`. */
export function startOfLine(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function isBlankLine(text: string, lineStart: number): boolean {
  for (let i = lineStart; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** 1-based line number of an offset. */
export function lineNumberAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
