import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readOpenFile, readRegularText, readTextNoFollow } from '../../src/read-bytes';

describe('read-bytes', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-read-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, data: string | Buffer) => { const p = path.join(dir, name); fs.writeFileSync(p, data); return p; };
  const readFd = (p: string, max: number, hint?: number) => {
    const fd = fs.openSync(p, 'r');
    try { const b = readOpenFile(fd, max, hint); return b && Buffer.from(b); } finally { fs.closeSync(fd); }
  };

  test('reads files larger than the shared buffer, with and without a size hint', () => {
    const big = Buffer.alloc(200_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    const p = write('big.bin', big);
    expect(readFd(p, 1 << 20)!.equals(big)).toBe(true);
    expect(readFd(p, 1 << 20, big.length)!.equals(big)).toBe(true);
    expect(readFd(write('empty', ''), 10)!.length).toBe(0);
  });

  test('null when the file is longer than maxBytes, exact size is fine', () => {
    const p = write('ten', '0123456789');
    expect(readFd(p, 9)).toBeNull();
    expect(readFd(p, 9, 10)).toBeNull();
    expect(readFd(p, 10)!.toString()).toBe('0123456789');
  });

  test('the limit holds after the shared buffer grew for a larger file', () => {
    readFd(write('large.bin', Buffer.alloc(300_000, 1)), 1 << 20, 300_000);
    const p = write('eleven', '0123456789a');
    expect(readFd(p, 10)).toBeNull();
    expect(readFd(p, 11)!.toString()).toBe('0123456789a');
  });

  test('a later read does not change text already decoded', () => {
    const a = readTextNoFollow(write('a.txt', 'first ünïcode'), 100);
    readTextNoFollow(write('b.txt', 'second file, longer than the first'), 100);
    expect(a).toBe('first ünïcode');
  });

  test('never follows a symbolic link; missing files are null', () => {
    const target = write('target.txt', 'secret');
    fs.symlinkSync(target, path.join(dir, 'link.txt'));
    expect(readTextNoFollow(path.join(dir, 'link.txt'), 100)).toBeNull();
    expect(readTextNoFollow(path.join(dir, 'missing.txt'), 100)).toBeNull();
    expect(readTextNoFollow(target, 100)).toBe('secret');
  });

  test('readRegularText: text and stat of a regular file, or why not', () => {
    const p = write('df', 'FROM a\n');
    const st = fs.statSync(p);
    expect(readRegularText(p, 100)).toEqual({ text: 'FROM a\n', encoding: 'utf8', mtimeMs: st.mtimeMs, size: 7, mode: st.mode });
    expect(readRegularText(write('latin', Buffer.from([0x46, 0xe9])), 100)).toMatchObject({ text: 'F\u00e9', encoding: 'latin1' });
    expect(readRegularText(p, 6)).toEqual({ kind: 'too-large' });
    fs.symlinkSync(p, path.join(dir, 'df-link'));
    expect(readRegularText(path.join(dir, 'df-link'), 100)).toEqual({ kind: 'link' });
    expect(readRegularText(dir, 100)).toEqual({ kind: 'directory' });
    expect(readRegularText('/dev/null', 100)).toEqual({ kind: 'special' });
    expect(readRegularText(path.join(dir, 'nope'), 100)).toMatchObject({ kind: 'error', error: expect.objectContaining({ code: 'ENOENT' }) });
  });
});
