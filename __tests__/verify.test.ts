import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import {
  DEFAULT_SIDECARS, finalBase, formatMB, formatRatio, formatSize, formatVerifyLine, judge, listBaseImages, parseProbeDetect,
  parseProbeStatus, probeArgs, PROBE_ENV, sameStdout, usesRunMount, VerifyResult, VerifySide, verifyRewrite,
} from '../src/verify';
import { httpUrl, parseHttpTarget, parseWaitSeconds } from '../src/verify-settings';
import { OrderedWindow } from '../src/ordered-window';
import { validateConfig, settingsFor } from '../src/config';
import { main } from '../src/cli';

describe('listBaseImages', () => {
  it('lists external bases, skipping scratch and stage names', () => {
    const df = [
      'FROM golang:1.22 AS Build',
      'RUN go build',
      'FROM build AS again',
      'FROM --platform=$BUILDPLATFORM alpine:3.19',
      'COPY --from=build /app /app',
      'COPY --from=0 /x /x',
      'COPY --from=busybox:1.36 /bin/busybox /bb',
      'FROM scratch',
      'COPY --from=again / /',
      'FROM gcr.io/distroless/static-debian12:nonroot',
    ].join('\n');
    expect(listBaseImages(df)).toEqual([
      'golang:1.22', 'alpine:3.19', 'busybox:1.36', 'gcr.io/distroless/static-debian12:nonroot',
    ]);
  });
  it('resolves ARG defaults declared before the first FROM', () => {
    const df = 'ARG GO=1.21\nARG BASE="debian:${DIST:-bookworm}-slim"\nARG NODEF\nFROM golang:${GO}-bookworm\nARG GO=9\nFROM $BASE\nFROM x:${NODEF}\n';
    expect(listBaseImages(df)).toEqual(['golang:1.21-bookworm', 'debian:bookworm-slim', 'x:${NODEF}']);
  });
  it('finds RUN --mount from= images, not stages', () => {
    const df = 'FROM a AS s\nFROM b\nRUN --mount=type=bind,from=s,target=/s --mount=type=bind,from=tools:1,target=/t true\n';
    expect(listBaseImages(df)).toEqual(['a', 'b', 'tools:1']);
  });
  it('dedupes and ignores case of keywords', () => {
    expect(listBaseImages('from a\nFROM a\nfrom Scratch\n')).toEqual(['a']);
  });
  it('onbuild single line', () => {
    expect(listBaseImages('FROM golang:1.6.3-onbuild\n')).toEqual(['golang:1.6.3-onbuild']);
  });
});

describe('finalBase', () => {
  it.each([
    ['FROM golang:1.6.3-onbuild\n', 'golang:1.6.3-onbuild'],
    ['FROM golang:1.22 AS b\nRUN x\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /a /a\n', 'gcr.io/distroless/static-debian12:nonroot'],
    ['FROM golang AS b\nFROM scratch\n', 'scratch'],
    ['ARG V=1.22\nFROM golang:${V} AS base\nFROM base AS test\nFROM test\n', 'golang:1.22'],
    ['# nothing\n', undefined],
  ])('%j -> %s', (df, base) => expect(finalBase(df)).toBe(base));
});

describe('usesRunMount', () => {
  it('detects RUN --mount', () => {
    expect(usesRunMount('FROM a\nRUN --mount=type=cache,target=/root/.cache go build\n')).toBe(true);
    expect(usesRunMount('FROM a\nRUN \\\n  --mount=type=cache,target=/c true\n')).toBe(true);
    expect(usesRunMount('FROM a\nRUN echo --mount\nCOPY --mount x y\n')).toBe(false);
  });
});

describe('size formatting', () => {
  it.each([
    [0, '0 B'], [512, '512 B'], [3_400, '3.4 kB'], [3_400_000, '3.4 MB'], [17_000_000, '17.0 MB'],
    [99_940_000, '99.9 MB'], [99_960_000, '100 MB'], [891_234_567, '891 MB'], [1_234_000_000, '1.23 GB'],
    [2_000_000_000, '2 GB'], [NaN, '0 B'],
  ])('formatSize(%p) = %s', (b, s) => expect(formatSize(b)).toBe(s));
  it.each([[262.4, '262x'], [9.96, '10x'], [1.44, '1.4x'], [0, '?x'], [Infinity, '?x']])(
    'formatRatio(%p) = %s', (r, s) => expect(formatRatio(r)).toBe(s));
  it('formatMB', () => {
    expect(formatMB(891_234_567)).toBe('891.2');
    expect(formatMB(3_449_999)).toBe('3.4');
  });
});

describe('formatVerifyLine', () => {
  const side = (over: Partial<VerifySide> = {}): VerifySide => ({
    built: true, buildLog: '', ran: true, exitCode: 0, timedOut: false, stdout: 'hi\n', stderr: '', size: 0,
    image: 'x', builder: 'legacy', ...over,
  });
  const result = (over: Partial<VerifyResult> = {}): VerifyResult => ({
    ok: true, original: side({ size: 891_000_000 }), rewritten: side({ size: 3_400_000 }), sameOutput: true,
    sameExit: true, waitMs: 8000, ratio: 891 / 3.4, durationMs: 1, runMs: 1, ...over,
  });
  it('success', () => {
    expect(formatVerifyLine(result())).toBe('builds ✓  runs ✓  same output ✓  891 MB → 3.4 MB (262x)');
  });
  it('build failure', () => {
    expect(formatVerifyLine(result({ ok: false, rewritten: side({ built: false }) }))).toBe('builds ✗ (rewritten failed)');
  });
  it('exit mismatch and output mismatch', () => {
    const r = result({ ok: false, rewritten: side({ exitCode: 1, size: 3_400_000 }), sameExit: false, sameOutput: false });
    expect(formatVerifyLine(r)).toBe('builds ✓  runs ✗ (exit 0 → 1)  same output ✗  891 MB → 3.4 MB (262x)');
  });
  it('setup error', () => {
    expect(formatVerifyLine(result({ ok: false, setupError: 'base image(s) not present locally: a' })))
      .toBe('not verified: base image(s) not present locally: a');
  });
});

describe('verifyRewrite setup errors (no build attempted)', () => {
  it('reports a missing context folder', async () => {
    const r = await verifyRewrite({ contextDir: '/nonexistent/stageify', originalDockerfile: 'FROM a', rewrittenDockerfile: 'FROM a' });
    expect(r.ok).toBe(false);
    expect(r.setupError).toMatch(/not a folder/);
  });
  it('reports a missing docker client without throwing', async () => {
    const r = await verifyRewrite({ contextDir: __dirname, originalDockerfile: 'FROM a', rewrittenDockerfile: 'FROM a', docker: '/nonexistent/docker' });
    expect(r.ok).toBe(false);
    expect(r.setupError).toMatch(/docker client not found/);
  });
});

describe('verify settings', () => {
  it.each([
    ['8080', { port: 8080, path: '/' }],
    ['8080/healthz', { port: 8080, path: '/healthz' }],
    ['80/', { port: 80, path: '/' }],
    ['3000/api/v1/status?full=1', { port: 3000, path: '/api/v1/status?full=1' }],
  ])('parseHttpTarget(%j)', (text, t) => expect(parseHttpTarget(text)).toEqual(t));
  it.each(['', 'x', 'localhost:8080', 'http://127.0.0.1:8080/', '0', '70000', '8080/a b', '8080/a#b', '8080//evil.example/x', '8080/\\x', 8080])(
    'parseHttpTarget refuses %j', (text) => expect(parseHttpTarget(text)).toEqual({ error: expect.stringMatching(/PORT or PORT\/PATH/) }));
  it('asks 127.0.0.1 only', () => {
    expect(httpUrl({ port: 8080, path: '/healthz' })).toBe('http://127.0.0.1:8080/healthz');
  });
  it('parseWaitSeconds', () => {
    expect(parseWaitSeconds('8')).toEqual({ seconds: 8 });
    expect(parseWaitSeconds(0.5)).toEqual({ seconds: 0.5 });
    for (const bad of ['0', '-1', 'abc', '', 3601, null]) expect(parseWaitSeconds(bad)).toHaveProperty('error');
  });
  it('the config takes a verify object, overrides merge into it, and bad values name the key', () => {
    const cfg = validateConfig({ verify: { wait: 5, sidecar: 'busybox:latest' }, overrides: [{ files: 'api/**', verify: { http: '8080/healthz' } }] }, '/p/stageify.config.json', '/p');
    expect(settingsFor(cfg, '/p/api/Dockerfile').verify).toEqual({ wait: 5, sidecar: 'busybox:latest', http: { port: 8080, path: '/healthz' } });
    expect(settingsFor(cfg, '/p/web/Dockerfile').verify).toEqual({ wait: 5, sidecar: 'busybox:latest' });
    expect(() => validateConfig({ verify: { wait: 0 } }, '/p/c.json', '/p')).toThrow(/verify\.wait: must be a number/);
    expect(() => validateConfig({ verify: { http: 'host:80' } }, '/p/c.json', '/p')).toThrow(/verify\.http: must be PORT/);
    expect(() => validateConfig({ verify: { port: 80 } }, '/p/c.json', '/p')).toThrow(/verify\.port: unknown key/);
    expect(() => validateConfig({ verify: '8080' }, '/p/c.json', '/p')).toThrow(/verify: must be an object/);
  });
});

describe('HTTP probes', () => {
  const wget = { image: 'i', tool: 'wget' as const, path: '/busybox/wget' };
  it('builds probe arguments that name only the loopback URL', () => {
    const url = 'http://127.0.0.1:8080/x';
    expect(probeArgs({ ...wget, tool: 'curl', path: '/usr/bin/curl' }, url)).toEqual(['-s', '-o', '/dev/null', '-w', '%{http_code}', '--noproxy', '*', '--max-time', '5', url]);
    expect(probeArgs(wget, url)).toEqual(['-S', '-O', '/dev/null', url]);
    expect(probeArgs({ ...wget, tool: 'busybox', path: '/bin/busybox' }, url)).toEqual(['wget', '-S', '-O', '/dev/null', url]);
    expect(PROBE_ENV).toEqual(expect.arrayContaining(['-e', 'http_proxy=', 'HTTP_PROXY=']));
  });
  it('reads the status a probe saw', () => {
    expect(parseProbeStatus('curl', '200', '')).toBe(200);
    expect(parseProbeStatus('curl', '000', 'curl: (7) Failed to connect')).toBeNull();
    expect(parseProbeStatus('wget', '', 'Connecting to 127.0.0.1:8080\n  HTTP/1.1 301 Moved\n  Location: http://x/\n  HTTP/1.1 200 OK\n')).toBe(301);
    expect(parseProbeStatus('busybox', '', 'wget: server returned error: HTTP/1.1 404 Not Found\n')).toBe(404);
    expect(parseProbeStatus('wget', '', "wget: can't connect to remote host (127.0.0.1): Connection refused\n")).toBeNull();
  });
  it('reads which tool an image has', () => {
    expect(parseProbeDetect('img', 'wget /busybox/wget\n')).toEqual({ image: 'img', tool: 'wget', path: '/busybox/wget' });
    expect(parseProbeDetect('img', 'wget wget\n')).toBeNull();
    expect(parseProbeDetect('img', '')).toBeNull();
  });
});

describe('judging two runs', () => {
  const side = (over: Partial<VerifySide> = {}): VerifySide => ({
    built: true, buildLog: '', ran: true, exitCode: 0, timedOut: false, stdout: '', stderr: '', size: 10, image: 'x', builder: 'legacy', ...over,
  });
  const judged = (o: Partial<VerifySide>, n: Partial<VerifySide>, http = false): VerifyResult => {
    const r: VerifyResult = {
      ok: false, original: side(o), rewritten: side(n), sameOutput: false, sameExit: false, waitMs: 8000, ratio: 1, durationMs: 1, runMs: 1,
      http: http ? { target: { port: 8080, path: '/healthz' }, sameStatus: false } : undefined,
    };
    judge(r);
    return r;
  };
  it('still running on both sides passes when the output so far agrees', () => {
    const r = judged({ exitCode: null, timedOut: true, stdout: 'tick\ntick\n' }, { exitCode: null, timedOut: true, stdout: 'tick\n' });
    expect(r.ok).toBe(true);
    expect(formatVerifyLine(r)).toBe('builds ✓  runs ✓ (both still running after 8 s)  same output ✓  10 B → 10 B (1.0x)');
    expect(judged({ exitCode: null, timedOut: true, stdout: 'a\n' }, { exitCode: null, timedOut: true, stdout: 'b\n' }).ok).toBe(false);
  });
  it('an exit on one side only fails', () => {
    const r = judged({ exitCode: null, timedOut: true }, { exitCode: 1 });
    expect(r.ok).toBe(false);
    expect(formatVerifyLine(r)).toMatch(/runs ✗ \(exit still running → 1\)/);
  });
  it('programs that exit compare stdout exactly', () => {
    expect(sameStdout(side({ stdout: 'a\n' }), side({ stdout: 'a\nb\n' }))).toBe(false);
    expect(judged({ stdout: 'hi\n' }, { stdout: 'hi\n' }).ok).toBe(true);
  });
  it('HTTP: the same status below 500 passes, and the line says what matched', () => {
    const ok = judged({ exitCode: null, timedOut: true, httpStatus: 200, stdout: 'GET 1ms' }, { exitCode: null, timedOut: true, httpStatus: 200, stdout: 'GET 2ms' }, true);
    expect(ok.ok).toBe(true);
    expect(formatVerifyLine(ok)).toBe('builds ✓  runs ✓  http ✓ (GET :8080/healthz: 200)  10 B → 10 B (1.0x)');
    const differ = judged({ exitCode: null, timedOut: true, httpStatus: 200 }, { exitCode: null, timedOut: true, httpStatus: 404 }, true);
    expect(formatVerifyLine(differ)).toMatch(/http ✗ \(GET :8080\/healthz: 200 → 404\)/);
    const both500 = judged({ exitCode: null, timedOut: true, httpStatus: 500 }, { exitCode: null, timedOut: true, httpStatus: 500 }, true);
    expect(both500.ok).toBe(false);
    expect(formatVerifyLine(both500)).toMatch(/http ✗ \(GET :8080\/healthz: 500 on both\)/);
    const crashed = judged({ exitCode: null, timedOut: true, httpStatus: 200 }, { exitCode: 2, httpStatus: null, httpNote: 'exited 2' }, true);
    expect(formatVerifyLine(crashed)).toMatch(/runs ✗ \(exit still running → 2\)  http ✗ \(GET :8080\/healthz: 200 → exited 2\)/);
  });
});

describe('OrderedWindow', () => {
  const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
  it('emits in push order, runs at most `limit` at once', async () => {
    const out: string[] = [];
    const w = new OrderedWindow<string>(2, (v) => out.push(v));
    let most = 0;
    const track = <T>(p: Promise<T>) => { const x = p.finally(() => {}); most = Math.max(most, w.running + 1); return x; };
    await w.push(track(later(60, 'a')));
    await w.push(track(later(5, 'b')));
    expect(w.running).toBeLessThanOrEqual(2);
    await w.push('c');
    await w.push(track(later(20, 'd')));
    await w.drain();
    expect(out).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBeLessThanOrEqual(2);
  });
  it('passes on a rejection at its turn', async () => {
    const w = new OrderedWindow<string>(4, () => {});
    await w.push(Promise.reject(new Error('boom')));
    await expect(w.drain()).rejects.toThrow('boom');
  });
});

// The orchestration against a fake docker client (__tests__/helpers/fake-docker.sh): what is run, when
// "still running" is decided, how the HTTP check retries, and the order of a parallel batch.
type Side = { exit?: number | 'running'; delay?: number; stdout?: string; failfirst?: number; status?: number };
interface Plan { missing?: string[]; detect?: Record<string, string>; sides: Record<string, Side> }

/** Writes what the fake docker does (see the header of fake-docker.sh); `*` stands for any. */
function writePlan(dir: string, plan: Plan): void {
  for (const sub of ['detect', 'sides']) fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, 'missing'), (plan.missing ?? []).join('\n') + '\n');
  fs.mkdirSync(path.join(dir, 'detect'));
  for (const [image, out] of Object.entries(plan.detect ?? {})) {
    const name = image === '*:orig' ? 'any_orig' : image.replace(/[^A-Za-z0-9._-]/g, '_');
    fs.writeFileSync(path.join(dir, 'detect', name), out);
  }
  for (const [key, side] of Object.entries(plan.sides)) {
    const d = path.join(dir, 'sides', key.replace('*', 'any').replace('/', '_'));
    fs.mkdirSync(d, { recursive: true });
    for (const [k, v] of Object.entries(side)) fs.writeFileSync(path.join(d, k), String(v));
  }
}

function readCalls(dir: string): { argv: string[]; start: number; end: number }[] {
  const file = path.join(dir, 'calls.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\x1f\n').filter(Boolean).map((line) => {
    const [start, end, ...rest] = line.split(' ');
    return { start: Number(start), end: Number(end), argv: rest.join(' ').split('\x1f') };
  });
}

describe('verifyRewrite with a fake docker client', () => {
  const FAKE = path.join(__dirname, 'helpers', 'fake-docker.sh');
  let dir: string;
  let ctx: string;
  const DF = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
  const NEW = 'FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /app /app\nCMD ["/app"]\n';
  const calls = (): { argv: string[]; start: number; end: number }[] => readCalls(dir);
  const setPlan = (plan: Plan) => writePlan(dir, plan);
  const verify = (over: object = {}) => verifyRewrite({ contextDir: ctx, originalDockerfile: DF, rewrittenDockerfile: NEW, docker: FAKE, ...over });

  beforeAll(() => fs.chmodSync(FAKE, 0o755));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-fake-docker-'));
    ctx = path.join(dir, 'app');
    fs.mkdirSync(ctx);
    process.env.FAKE_DOCKER_DIR = dir;
  });
  afterEach(() => {
    delete process.env.FAKE_DOCKER_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a program that exits within the wait is compared by stdout and exit status', async () => {
    setPlan({ sides: { 'app/orig': { exit: 3, stdout: 'hi' }, 'app/new': { exit: 3, stdout: 'hi' } } });
    const r = await verify({ waitMs: 5000 });
    expect(r.setupError).toBeUndefined();
    expect(r.ok).toBe(true);
    expect([r.original.exitCode, r.rewritten.exitCode]).toEqual([3, 3]);
    expect(r.original.timedOut).toBe(false);
    setPlan({ sides: { 'app/orig': { exit: 0, stdout: 'hi' }, 'app/new': { exit: 0, stdout: 'ho' } } });
    expect((await verify({ waitMs: 5000 })).sameOutput).toBe(false);
  });

  it('a container still running when the wait ends counts as still running, and is removed', async () => {
    setPlan({ sides: { 'app/orig': { exit: 'running', stdout: 'up\n' }, 'app/new': { exit: 'running', stdout: 'up\n' } } });
    const r = await verify({ waitMs: 1200 });
    expect(r.ok).toBe(true);
    expect(r.original.timedOut && r.rewritten.timedOut).toBe(true);
    expect(formatVerifyLine(r)).toMatch(/runs ✓ \(both still running after 1\.2 s\)/);
    const all = calls();
    const runs = all.filter((c) => c.argv[0] === 'run' && c.argv.includes('-d'));
    expect(runs).toHaveLength(2);
    // Both sides share one wait: both start before either is removed.
    const firstRm = Math.min(...all.filter((c) => c.argv[0] === 'rm').map((c) => c.start));
    expect(Math.max(...runs.map((c) => c.start))).toBeLessThan(firstRm);
    for (const c of runs) {
      expect(c.argv.slice(0, 7)).toEqual(['run', '-d', '--name', expect.stringMatching(/^stageify-verify-/), '--network', 'none', '--pull']);
      expect(all.some((x) => x.argv[0] === 'rm' && x.argv[1] === '-f' && x.argv[2] === c.argv[3])).toBe(true);
    }
    expect(all.some((c) => c.argv[0] === 'build' && !c.argv.join(' ').includes('--network none'))).toBe(false);
  });

  it('--verify-http asks again until the server answers, from a sidecar in its namespace', async () => {
    setPlan({
      detect: { 'gcr.io/distroless/static-debian12:debug': 'wget /busybox/wget' },
      sides: { 'app/orig': { exit: 'running', failfirst: 2, status: 200 }, 'app/new': { exit: 'running', failfirst: 1, status: 200 } },
    });
    const r = await verify({ waitMs: 20000, http: { port: 8080, path: '/healthz' } });
    expect(r.setupError).toBeUndefined();
    expect(r.ok).toBe(true);
    expect([r.original.httpStatus, r.rewritten.httpStatus]).toEqual([200, 200]);
    expect([r.original.httpAttempts, r.rewritten.httpAttempts]).toEqual([3, 2]);
    expect(r.http).toMatchObject({ sidecar: 'gcr.io/distroless/static-debian12:debug', tool: '/busybox/wget', sameStatus: true });
    // Stopped once answered, not at the end of the wait.
    expect(r.runMs).toBeLessThan(20000);
    const asks = calls().filter((c) => c.argv.some((a) => a.startsWith('container:')));
    expect(asks).toHaveLength(5);
    for (const c of asks) {
      expect(c.argv.join(' ')).toMatch(/^run --rm --name \S+-ask\d --network container:stageify-verify-\w+-(orig|new) --pull never -e http_proxy= .* --entrypoint \/busybox\/wget gcr\.io\/distroless\/static-debian12:debug -S -O \/dev\/null http:\/\/127\.0\.0\.1:8080\/healthz$/);
      expect(c.argv).not.toContain('-p');
      expect(c.argv).not.toContain('--publish');
    }
    const servers = calls().filter((c) => c.argv[0] === 'run' && c.argv.includes('-d'));
    for (const c of servers) expect(c.argv.slice(c.argv.indexOf('--network'), c.argv.indexOf('--network') + 2)).toEqual(['--network', 'none']);
  });

  it('--verify-http: no answer within the wait fails, and says so', async () => {
    setPlan({
      detect: { 'gcr.io/distroless/static-debian12:debug': 'wget /busybox/wget' },
      sides: { 'app/orig': { exit: 'running', status: 200 }, 'app/new': { exit: 'running' } },
    });
    const r = await verify({ waitMs: 1500, http: { port: 8080, path: '/' } });
    expect(r.ok).toBe(false);
    expect(r.rewritten.httpNote).toBe('no answer within 1.5 s');
    expect(r.rewritten.stderr).toMatch(/last HTTP probe: .*Connection refused/);
    expect(formatVerifyLine(r)).toMatch(/http ✗ \(GET :8080\/: 200 → no answer within 1.5 s\)/);
  });

  it('--verify-http: the original image is the sidecar when it has curl; a missing or toolless one is a setup error', async () => {
    // The default sidecars are missing here (an earlier test found a tool in one, and that is remembered).
    setPlan({ missing: ['no/such:image', ...DEFAULT_SIDECARS], sides: {} });
    let r = await verify({ waitMs: 3000, http: { port: 80, path: '/' }, sidecar: 'no/such:image' });
    expect(r.setupError).toBe('sidecar image not present locally: no/such:image (not pulled: load it, or name another with --verify-sidecar)');
    expect(calls().some((c) => c.argv[0] === 'build')).toBe(false);
    r = await verify({ waitMs: 3000, http: { port: 80, path: '/' } });
    expect(r.setupError).toMatch(/^the HTTP check needs a local sidecar image with curl, wget or busybox: .*--verify-sidecar IMAGE$/);
    setPlan({ missing: DEFAULT_SIDECARS, detect: { '*:orig': 'curl /usr/bin/curl' }, sides: { '*/orig': { exit: 'running', status: 204 }, '*/new': { exit: 'running', status: 204 } } });
    r = await verify({ waitMs: 3000, http: { port: 80, path: '/' } });
    expect(r.setupError).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.http).toMatchObject({ sidecar: 'the original image', tool: '/usr/bin/curl' });
    const ask = calls().find((c) => c.argv.some((a) => a.startsWith('container:')))!.argv;
    expect(ask.slice(ask.indexOf('--entrypoint'))).toEqual(['--entrypoint', '/usr/bin/curl', r.original.image,
      '-s', '-o', '/dev/null', '-w', '%{http_code}', '--noproxy', '*', '--max-time', '5', 'http://127.0.0.1:80/']);
  });
});

const GO_SERVER = {
  'main.go': [
    'package main', '', 'import (', '\t"fmt"', '\t"net/http"', ')', '',
    'func main() {',
    '\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })',
    '\tfmt.Println("listening on :8080")',
    '\tif err := http.ListenAndServe(":8080", nil); err != nil {', '\t\tpanic(err)', '\t}', '}', '',
  ].join('\n'),
  'go.mod': 'module example.com/srv\n\ngo 1.19\n',
  'Dockerfile': 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/srv .\nEXPOSE 8080\nCMD ["srv"]\n',
};

function writeApp(root: string, files: Record<string, string>): void {
  fs.mkdirSync(root, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
}

function captureIO(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (s: string | Uint8Array) => out.push(String(s)) },
    stderr: { write: (s: string | Uint8Array) => err.push(String(s)) },
    stdin: process.stdin, env: { ...env, NO_COLOR: '1' }, cwd: process.cwd(),
  };
  return { io, out, err };
}

describe('stageify --verify over a batch (fake docker client)', () => {
  const FAKE = path.join(__dirname, 'helpers', 'fake-docker.sh');
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-fake-batch-'));
    process.env.FAKE_DOCKER_DIR = dir;
  });
  afterEach(() => {
    delete process.env.FAKE_DOCKER_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verifies files at once and reports them in the batch order', async () => {
    fs.chmodSync(FAKE, 0o755);
    const root = path.join(dir, 'repo');
    for (const name of ['a', 'b', 'c']) writeApp(path.join(root, name), GO_SERVER);
    // The first file's program takes longest: it finishes last but is reported first.
    writePlan(dir, { sides: {
      'a/orig': { exit: 0, delay: 1.5, stdout: 'a' }, 'a/new': { exit: 0, delay: 1.5, stdout: 'a' },
      'b/orig': { exit: 0, stdout: 'b' }, 'b/new': { exit: 0, stdout: 'b' },
      'c/orig': { exit: 0, delay: 0.3, stdout: 'c' }, 'c/new': { exit: 0, delay: 0.3, stdout: 'c' },
    } });
    const { io, err } = captureIO({ STAGEIFY_DOCKER: FAKE });
    const code = await main(['--verify', '--verify-wait', '5', root], io);
    const lines = err.join('').split('\n');
    expect(lines.filter((l) => l.includes('verified:')).map((l) => /([abc])\/Dockerfile: verified: builds ✓ {2}runs ✓ {2}same output ✓/.exec(l)?.[1]))
      .toEqual(['a', 'b', 'c']);
    expect(code).toBe(0);
    if (os.availableParallelism() >= 2) {
      // a's wait and b's wait overlapped.
      const waits = readCalls(dir).filter((c) => c.argv[0] === 'wait').map((c) => ({
        ...c, file: fs.readFileSync(path.join(dir, 'state', `container-${c.argv[1]}`), 'utf8')[0],
      }));
      const a = waits.filter((w) => w.file === 'a');
      const b = waits.filter((w) => w.file === 'b');
      expect(b.some((wb) => a.some((wa) => wb.start < wa.end && wa.start < wb.end))).toBe(true);
    }
  });
});

// Real Docker, with the local stand-ins (scripts/e2e/standins.sh): skipped, and says why, without a
// daemon, without root, or without the images.
const REAL_IMAGES = ['golang:1.22', 'gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12:debug'];
function realDockerMissing(): string {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root';
  const { findDocker } = require('../src/verify') as typeof import('../src/verify');
  const d = findDocker();
  if (!d.bin) return d.error ?? 'no docker';
  const missing = REAL_IMAGES.filter((i) => spawnSync(d.bin!, ['image', 'inspect', '--format', '{{.Id}}', i]).status !== 0);
  return missing.length ? `stand-in images missing: ${missing.join(', ')} (run scripts/e2e/standins.sh)` : '';
}
const realMissing = realDockerMissing();
if (realMissing) console.log(`verify.test.ts: real-Docker tests skipped: ${realMissing}`);
const realIt = realMissing ? it.skip : it;

describe('verify with real Docker', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-verify-real-'));
    writeApp(path.join(root, 'srv'), GO_SERVER);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  realIt('--verify-http checks a Go server from a sidecar: same status on both', async () => {
    const { io, err } = captureIO(process.env);
    const code = await main(['--verify', '--verify-http', '8080/healthz', path.join(root, 'srv')], io);
    expect(err.join('')).toMatch(/Dockerfile: verified: builds ✓ {2}runs ✓ {2}http ✓ \(GET :8080\/healthz: 200\) {2}\S+ MB → \S+ MB/);
    expect(code).toBe(0);
  }, 300000);

  realIt('a server that keeps running is decided after the short wait', async () => {
    const { transformDockerfile } = require('../src/index') as typeof import('../src/index');
    const dir = path.join(root, 'srv');
    const original = GO_SERVER.Dockerfile;
    const rewritten = transformDockerfile(original, { path: path.join(dir, 'Dockerfile'), context: dir }).output;
    expect(rewritten).toContain('FROM gcr.io/distroless/static-debian12:nonroot');
    const r = await verifyRewrite({ contextDir: dir, originalDockerfile: original, rewrittenDockerfile: rewritten });
    expect(formatVerifyLine(r)).toMatch(/^builds ✓ {2}runs ✓ \(both still running after 8 s\) {2}same output ✓/);
    expect(r.original.stdout).toBe('listening on :8080\n');
    expect(r.runMs).toBeLessThan(15000);
  }, 300000);
});
