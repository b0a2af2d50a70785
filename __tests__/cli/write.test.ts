import * as fs from 'fs';
import * as path from 'path';
import { writeResult } from '../../src/write';
import type { FileResult } from '../../src/types';
import { makeTree, removeTree } from './helpers';

let root: string;
beforeEach(() => { root = makeTree({}); });
afterEach(() => removeTree(root));

/** Creates the file and a FileResult planned from it, as the engine would. */
function planned(rel: string, original: string | Buffer, output: string, extra: Partial<FileResult> = {}): FileResult {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, original);
  const st = fs.statSync(file);
  const text = typeof original === 'string' ? original : original.toString('latin1');
  return {
    path: file, status: text === output ? 'unchanged' : 'changed', messages: [], original: text, output,
    encoding: 'utf8', edits: [], stat: { mtimeMs: st.mtimeMs, size: st.size, mode: st.mode }, ...extra,
  };
}

const otherFiles = () => fs.readdirSync(root).filter((n) => n !== 'Dockerfile');

describe('writeResult', () => {
  it('writes the new text and leaves no temp file behind', () => {
    const r = planned('Dockerfile', 'FROM a\n', 'FROM b\n');
    expect(writeResult(r)).toEqual({ written: true });
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM b\n');
    expect(otherFiles()).toEqual([]);
  });

  it('replaces the file by rename (a new inode), so readers never see half a file', () => {
    const r = planned('Dockerfile', 'FROM a\n', 'FROM b\n');
    const before = fs.statSync(r.path).ino;
    writeResult(r);
    expect(fs.statSync(r.path).ino).not.toBe(before);
  });

  it.each(['755', '600', '664', '4750'])('keeps the file mode %s', (octal) => {
    const mode = parseInt(octal, 8);
    const r = planned('Dockerfile', 'FROM a\n', 'FROM b\n');
    fs.chmodSync(r.path, mode);
    r.stat!.mode = fs.statSync(r.path).mode;
    writeResult(r);
    expect(fs.statSync(r.path).mode & 0o7777).toBe(mode);
  });

  it('never rewrites an unchanged file', () => {
    const r = planned('Dockerfile', 'FROM a\n', 'FROM a\n');
    const st = fs.statSync(r.path);
    expect(writeResult(r)).toEqual({ written: false });
    const after = fs.statSync(r.path);
    expect([after.ino, after.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });

  it.each(['skipped', 'error'] as const)('never writes a %s file', (status) => {
    const r = { ...planned('Dockerfile', 'FROM a\n', 'FROM b\n'), status };
    expect(writeResult(r)).toEqual({ written: false });
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM a\n');
  });

  it('does not overwrite a file that changed on disk since it was read', () => {
    const r = planned('Dockerfile', 'FROM a\n', 'FROM b\n');
    fs.writeFileSync(r.path, 'FROM edited-meanwhile\n');
    expect(writeResult(r)).toEqual({
      written: false, error: { id: 'write/changed-on-disk', message: 'changed on disk since it was read; not written' },
    });
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM edited-meanwhile\n');
  });

  it('notices a same-size edit by its mtime', () => {
    const r = planned('Dockerfile', 'FROM a\n', 'FROM b\n');
    fs.writeFileSync(r.path, 'FROM c\n');
    fs.utimesSync(r.path, new Date(), new Date(Date.now() + 5000));
    expect(writeResult(r).written).toBe(false);
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM c\n');
  });

  it('never writes through a symlink', () => {
    const r = planned('real', 'FROM a\n', 'FROM b\n');
    const link = path.join(root, 'Dockerfile');
    fs.symlinkSync('real', link);
    expect(writeResult(r, link)).toEqual({ written: false, error: { id: 'write/symlink', message: 'is a symbolic link; not written through' } });
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM a\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('encodes the output like the input (latin1)', () => {
    const r = planned('Dockerfile', Buffer.from('# caf\u00e9\nFROM a\n', 'latin1'), '# caf\u00e9\nFROM b\n', { encoding: 'latin1' });
    writeResult(r);
    expect(fs.readFileSync(r.path)).toEqual(Buffer.from([...Buffer.from('# caf'), 0xe9, ...Buffer.from('\nFROM b\n')]));
  });

  it('keeps a BOM and CRLF exactly as the output has them', () => {
    const r = planned('Dockerfile', '\ufeffFROM a\r\n', '\ufeffFROM b\r\n');
    writeResult(r);
    expect(fs.readFileSync(r.path)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('FROM b\r\n')]));
  });

  it('reports a failed write as an outcome, cleans up, and leaves the file alone', () => {
    const r = planned('sub/Dockerfile', 'FROM a\n', 'FROM b\n');
    if (process.getuid?.() === 0) {
      // root ignores folder permissions: make the temp name collide with a folder instead
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      const tmpName = `.Dockerfile.stageify-${process.pid}-${(0.5).toString(36).slice(2, 8)}.tmp`;
      fs.mkdirSync(path.join(root, 'sub', tmpName));
    } else {
      fs.chmodSync(path.join(root, 'sub'), 0o555);
    }
    const out = writeResult(r);
    jest.restoreAllMocks();
    fs.chmodSync(path.join(root, 'sub'), 0o755);
    expect(out).toMatchObject({ written: false, error: { id: 'write/failed' } });
    expect(fs.readFileSync(r.path, 'utf8')).toBe('FROM a\n');
    if (process.getuid?.() === 0) expect(fs.readdirSync(path.join(root, 'sub')).length).toBe(2); // not someone else's temp
  });
});
