import { applyEdits, sortEdits } from '../../src/edits';

describe('applyEdits', () => {
  test('replacements, deletions and inserts, outside bytes kept', () => {
    const text = 'FROM golang:1.22\r\nRUN go build\r\nCMD ["/app"]\r\n';
    const out = applyEdits(text, [
      { start: 16, end: 16, text: ' AS builder' },
      { start: 22, end: 22, text: 'CGO_ENABLED=0 ' },
      { start: 32, end: text.length, text: '' },
    ]);
    expect(out).toBe('FROM golang:1.22 AS builder\r\nRUN CGO_ENABLED=0 go build\r\n');
  });

  test('edits may come in any order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }])).toBe('AbcdEf');
  });

  test('inserts at one offset keep their given order', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }])).toBe('a12b');
  });

  test('an insert at the start of a replaced range goes before it', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, { start: 1, end: 1, text: '>' }])).toBe('a>Xc');
  });

  test('no edits: the same text', () => {
    const t = '\uFEFFFROM x\n';
    expect(applyEdits(t, [])).toBe(t);
  });

  test('overlapping edits are rejected', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow('overlapping edits at 0-3 and 2-4');
  });

  test('out-of-range and inverted edits are rejected', () => {
    expect(() => applyEdits('abc', [{ start: 1, end: 9, text: '' }])).toThrow('bad edit range 1-9');
    expect(() => applyEdits('abc', [{ start: 2, end: 1, text: '' }])).toThrow('bad edit range 2-1');
  });
});

describe('sortEdits', () => {
  test('by start, then end, then given order', () => {
    const a = { start: 5, end: 5, text: 'a' };
    const b = { start: 1, end: 3, text: 'b' };
    const c = { start: 1, end: 1, text: 'c' };
    expect(sortEdits([a, b, c])).toEqual([c, b, a]);
  });
});
