// The reader thread runs compiled code, so this test loads the built module (npm test builds first).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ReadAheadModule from '../../src/read-ahead';

const built = path.resolve(__dirname, '..', '..', 'dist', 'src', 'read-ahead.js');
const ra = require(built) as typeof ReadAheadModule;
const OPTS = { names: ['go.mod'], suffixes: ['.go'], dockerfileMax: 1 << 20, contextMax: 1024 };
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('read-ahead', () => {
  let dir: string;
  let jobs: ReadAheadModule.ReadAheadJob[];
  const N = ra.READ_AHEAD_MIN_JOBS + 50;
  beforeAll(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-ahead-')));
    jobs = [];
    for (let i = 0; i < N; i++) {
      const svc = path.join(dir, `svc-${i}`);
      fs.mkdirSync(svc);
      fs.writeFileSync(path.join(svc, 'Dockerfile'), `FROM golang:1.22\n# svc ${i}\n`);
      fs.writeFileSync(path.join(svc, 'go.mod'), `module example.com/svc${i}\n`);
      fs.writeFileSync(path.join(svc, 'main.go'), 'package main\n');
      fs.writeFileSync(path.join(svc, 'README.md'), 'not asked for\n');
      jobs.push([path.join(svc, 'Dockerfile'), svc]);
    }
    // Job 1: a latin1 Dockerfile, a linked go.mod, a .go file over the size bound, a .dockerignore.
    fs.writeFileSync(jobs[1][0], Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x78, 0xe9, 0x0a]));
    fs.rmSync(path.join(dir, 'svc-1', 'go.mod'));
    fs.symlinkSync(path.join(dir, 'svc-0', 'go.mod'), path.join(dir, 'svc-1', 'go.mod'));
    fs.writeFileSync(path.join(dir, 'svc-1', 'big.go'), 'x'.repeat(2000));
    fs.writeFileSync(path.join(dir, 'svc-1', '.dockerignore'), '*.md\n');
    // Job 2: the Dockerfile is a link; job 3: a folder named Dockerfile.
    fs.rmSync(jobs[2][0]);
    fs.symlinkSync(jobs[0][0], jobs[2][0]);
    fs.rmSync(jobs[3][0]);
    fs.mkdirSync(jobs[3][0]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('hands out each job as read: the Dockerfile with its stat, and only the named context files', async () => {
    const ahead = ra.startReadAhead(jobs, OPTS)!;
    expect(ahead).not.toBeNull();
    await settle();
    try {
      const first = ahead.take(0)!;
      const st = fs.statSync(jobs[0][0]);
      expect(first.dockerfile).toEqual({ text: 'FROM golang:1.22\n# svc 0\n', encoding: 'utf8', mtimeMs: st.mtimeMs, size: st.size, mode: st.mode });
      expect(first.context.map((f) => f.name).sort()).toEqual(['go.mod', 'main.go']);
      expect(first.context.find((f) => f.name === 'go.mod')).toEqual({ name: 'go.mod', text: 'module example.com/svc0\n', bytes: 24 });

      const odd = ahead.take(1)!;
      expect(odd.dockerfile.encoding).toBe('latin1');
      expect(odd.dockerfile.text).toBe('FROM x\u00e9\n');
      // The link and the large file are left for the planner; .dockerignore is always read.
      expect(odd.context.map((f) => f.name).sort()).toEqual(['.dockerignore', 'main.go']);

      // A linked Dockerfile and a folder are left for the planner to read and report.
      expect(ahead.take(2)).toBeNull();
      expect(ahead.take(3)).toBeNull();
      for (let i = 4; i < N; i++) expect(ahead.take(i)?.dockerfile.text).toBe(`FROM golang:1.22\n# svc ${i}\n`);
    } finally {
      ahead.stop();
    }
  });

  test('jobs the planner skipped are dropped; a job asked again after it passed is not handed out', async () => {
    const ahead = ra.startReadAhead(jobs, OPTS)!;
    await settle();
    try {
      expect(ahead.take(100)?.dockerfile.text).toContain('svc 100');
      expect(ahead.take(99)).toBeNull();
      expect(ahead.take(101)?.dockerfile.text).toContain('svc 101');
    } finally {
      ahead.stop();
    }
  });

  test('never waits: a job not read yet is null, and nothing is handed out after stop()', async () => {
    const ahead = ra.startReadAhead(jobs, OPTS)!;
    // Straight after the start the thread has not read anything yet.
    expect(ahead.take(0)).toBeNull();
    ahead.stop();
    await settle(100);
    expect(ahead.take(N - 1)).toBeNull();
  });

  test('a job that carries its folder\'s file names (from discovery) reads among those, without listing again', async () => {
    // Names the folder does not list stand for a listing made earlier: only they are looked at.
    const named: ReadAheadModule.ReadAheadJob[] = jobs.map(([file, ctx]) => [file, ctx, ['main.go', 'README.md', 'gone.go']]);
    const ahead = ra.startReadAhead(named, OPTS)!;
    await settle();
    try {
      // go.mod is there but was not named; README.md is not asked for; gone.go cannot be read.
      expect(ahead.take(0)!.context).toEqual([{ name: 'main.go', text: 'package main\n', bytes: 13 }]);
      expect(ahead.take(4)!.context.map((f) => f.name)).toEqual(['main.go']);
    } finally {
      ahead.stop();
    }
  });

  test('a small batch gets no thread', () => {
    expect(ra.startReadAhead(jobs.slice(0, ra.READ_AHEAD_MIN_JOBS - 1), OPTS)).toBeNull();
  });
});

describe('read-ahead batches across threads', () => {
  test('texts travel apart from the JSON of the rest and come back in place, whatever they hold', () => {
    const parsed = { escape: '\\', spans: [0, 7, 4, 0], keywords: ['FROM'], properties: [null], froms: [{ image: 'x', name: null, flags: [], imageSpan: { start: 5, end: 6 } }], comments: [] };
    const batch: ReadAheadModule.AheadJobResult[] = [
      { index: 3, dockerfile: { text: 'FROM x\n"\\\u2028\uFEFF', encoding: 'utf8', mtimeMs: 1733087412345.678, size: 7, mode: 0o100644, parsed }, context: [{ name: 'main.go', text: 'package main\n', bytes: 13 }, { name: 'go.mod', text: '', bytes: 0 }] },
      { index: 4, dockerfile: null, context: [] },
      { index: 5, dockerfile: { text: 'caf\xe9', encoding: 'latin1', mtimeMs: 0, size: 4, mode: 0o100600 }, context: [] },
    ];
    const expected = structuredClone(batch);
    const encoded = ra.encodeBatch(batch);
    expect(encoded[1]).toEqual(['FROM x\n"\\\u2028\uFEFF', 'package main\n', '', 'caf\xe9']);
    expect(encoded[0]).not.toContain('package main');
    expect(ra.decodeBatch(structuredClone(encoded))).toEqual(expected);
  });
});
