import { decodeBytes, detectEol, encodeText, endOfLine, isBlankLine, lineNumberAt, lineStarts, offsetAt, startOfLine } from '../../src/text';

describe('decodeBytes / encodeText', () => {
  test('invalid UTF-8 decodes as latin1 and round-trips exactly', () => {
    const bytes = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0xc3]);
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('latin1');
    expect(d.text.length).toBe(bytes.length);
    expect(d.text.slice(0, 5)).toBe('FROM ');
    expect(encodeText(d.text, d.encoding).equals(bytes)).toBe(true);
  });

  test('valid UTF-8 with a BOM keeps the BOM as U+FEFF and round-trips', () => {
    const bytes = Buffer.from('\uFEFFFROM golang:1.22 # café\r\n', 'utf8');
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf8');
    expect(d.text.charCodeAt(0)).toBe(0xfeff);
    expect(d.text.endsWith('café\r\n')).toBe(true);
    expect(encodeText(d.text, d.encoding).equals(bytes)).toBe(true);
  });

  test('a Uint8Array view into a larger buffer decodes only its own bytes', () => {
    const big = Buffer.from([0x41, 0xff, 0x42, 0xfe, 0x43]);
    const view = new Uint8Array(big.buffer, big.byteOffset + 1, 3);
    const d = decodeBytes(view);
    expect(d).toEqual({ text: '\u00ffB\u00fe', encoding: 'latin1' });
  });

  test('empty input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf8' });
  });
});

describe('line helpers', () => {
  test('detectEol follows the first line ending', () => {
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(detectEol('a\r\nb\n')).toBe('\r\n');
    expect(detectEol('\r\nx')).toBe('\r\n');
    expect(detectEol('\nx\r\n')).toBe('\n');
    expect(detectEol('no newline')).toBe('\n');
  });

  test('lineStarts treats CRLF, LF and lone CR as line breaks', () => {
    expect(lineStarts('a\r\nb\nc\rd')).toEqual([0, 3, 5, 7]);
    expect(lineStarts('')).toEqual([0]);
    expect(lineStarts('x\n')).toEqual([0, 2]);
  });

  test('offsetAt clamps to the text', () => {
    const t = 'ab\ncd';
    const s = lineStarts(t);
    expect(offsetAt(s, t.length, { line: 1, character: 1 })).toBe(4);
    expect(offsetAt(s, t.length, { line: 1, character: 99 })).toBe(5);
    expect(offsetAt(s, t.length, { line: 7, character: 0 })).toBe(5);
  });

  test('endOfLine and startOfLine', () => {
    const t = 'ab\r\ncd\nef';
    expect(endOfLine(t, 0)).toBe(4);
    expect(endOfLine(t, 5)).toBe(7);
    expect(endOfLine(t, 8)).toBe(9);
    expect(startOfLine(t, 5)).toBe(4);
    expect(startOfLine(t, 1)).toBe(0);
  });

  test('isBlankLine', () => {
    const t = 'a\n \t\r\n\nb';
    expect(isBlankLine(t, 0)).toBe(false);
    expect(isBlankLine(t, 2)).toBe(true);
    expect(isBlankLine(t, 6)).toBe(true);
    expect(isBlankLine(t, 7)).toBe(false);
    expect(isBlankLine(t, t.length)).toBe(true);
  });

  test('lineNumberAt is 1-based', () => {
    const s = lineStarts('a\nb\nc');
    expect([0, 1, 2, 3, 4].map((o) => lineNumberAt(s, o))).toEqual([1, 1, 2, 2, 3]);
  });
});
