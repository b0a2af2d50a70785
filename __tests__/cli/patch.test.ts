import * as fs from 'fs';
import * as path from 'path';
import { combinedPatch, filePatch, resultPatch } from '../../src/patch';
import type { FileResult } from '../../src/types';
import { git, makeTree, removeTree } from './helpers';

function result(p: string, original: string, output: string, extra: Partial<FileResult> = {}): FileResult {
  return { path: p, status: original === output ? 'unchanged' : 'changed', messages: [], original, output, encoding: 'utf8', edits: [], ...extra };
}

const BEFORE = 'FROM golang:1.6.3-onbuild\n';
const AFTER = 'FROM golang:1.6.3 AS builder\nRUN go build\n\nFROM gcr.io/distroless/static\nCOPY --from=builder /app /app\n';

describe('filePatch', () => {
  it('writes git-style headers with a/ and b/ prefixes and no Index/=== lines', () => {
    const p = filePatch('svc/Dockerfile', BEFORE, AFTER);
    expect(p.split('\n').slice(0, 3)).toEqual(['--- a/svc/Dockerfile', '+++ b/svc/Dockerfile', '@@ -1,1 +1,5 @@']);
    expect(p).not.toMatch(/^(Index:|===)/m);
    expect(p).toContain('-FROM golang:1.6.3-onbuild\n+FROM golang:1.6.3 AS builder\n');
  });

  it('is empty when nothing changed', () => {
    expect(filePatch('Dockerfile', BEFORE, BEFORE)).toBe('');
    expect(resultPatch(result('Dockerfile', BEFORE, BEFORE))).toBe('');
  });

  it('keeps three lines of context', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `RUN echo ${i}`);
    const after = [...lines];
    after[10] = 'RUN echo ten';
    const p = filePatch('Dockerfile', lines.join('\n') + '\n', after.join('\n') + '\n');
    expect(p).toContain('@@ -8,7 +8,7 @@');
  });

  it('marks a missing final newline the way git does', () => {
    const p = filePatch('Dockerfile', 'FROM a\nCMD x', 'FROM b\nCMD x');
    expect(p).toContain('-FROM a\n+FROM b\n CMD x\n\\ No newline at end of file\n');
  });

  it('keeps CRLF inside the lines', () => {
    const p = filePatch('Dockerfile', 'FROM a\r\nCMD x\r\n', 'FROM b\r\nCMD x\r\n');
    expect(p).toContain('-FROM a\r\n+FROM b\r\n CMD x\r\n');
  });
});

describe('patches accepted by git apply', () => {
  let repo: string;
  const files: Record<string, { before: string | Buffer; after: string; encoding?: 'latin1' }> = {
    'Dockerfile': { before: BEFORE, after: AFTER },
    'svc/a/Dockerfile': { before: 'FROM a\r\nRUN x\r\nCMD ["x"]\r\n', after: 'FROM b AS builder\r\nRUN x\r\n\r\nFROM c\r\nCMD ["x"]\r\n' },
    'svc/b/Dockerfile.prod': { before: 'FROM a\nCMD x', after: 'FROM a AS builder\n\nFROM b\nCMD x\n' },
    'svc/c/api.Dockerfile': { before: Buffer.from('# caf\u00e9\nFROM a\n', 'latin1'), after: '# caf\u00e9\nFROM b\n', encoding: 'latin1' },
  };

  beforeAll(() => {
    repo = makeTree({});
    expect(git(repo, ['init', '-q']).code).toBe(0);
    for (const [rel, f] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      fs.writeFileSync(path.join(repo, rel), f.before);
    }
  });
  afterAll(() => removeTree(repo));

  const results = () => Object.entries(files).map(([rel, f]) => {
    const original = typeof f.before === 'string' ? f.before : f.before.toString('latin1');
    return result(rel, original, f.after, { encoding: f.encoding ?? 'utf8' });
  });

  it.each(Object.keys(files))('applies the patch of %s', (rel) => {
    const r = results().find((x) => x.path === rel)!;
    const patchFile = path.join(repo, '..', path.basename(repo) + '.one.patch');
    fs.writeFileSync(patchFile, combinedPatch([r]));
    const out = git(repo, ['apply', '--check', '--verbose', patchFile]);
    fs.unlinkSync(patchFile);
    expect(out.out).not.toMatch(/error|warning/i);
    expect(out.code).toBe(0);
  });

  it('applies one combined patch of every file and yields the exact new bytes', () => {
    const patchFile = path.join(repo, '..', path.basename(repo) + '.all.patch');
    fs.writeFileSync(patchFile, combinedPatch([...results(), result('unchanged/Dockerfile', 'FROM x\n', 'FROM x\n')]));
    const out = git(repo, ['apply', patchFile]);
    fs.unlinkSync(patchFile);
    expect(out).toEqual({ code: 0, out: '' });
    for (const [rel, f] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(repo, rel))).toEqual(Buffer.from(f.after, f.encoding ?? 'utf8'));
    }
  });
});
