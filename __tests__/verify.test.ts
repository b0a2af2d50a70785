import {
  finalBase, formatMB, formatRatio, formatSize, formatVerifyLine, listBaseImages, usesRunMount,
  VerifyResult, VerifySide, verifyRewrite,
} from '../src/verify';

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
    sameExit: true, ratio: 891 / 3.4, durationMs: 1, ...over,
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
  it('reports a missing context folder', () => {
    const r = verifyRewrite({ contextDir: '/nonexistent/stageify', originalDockerfile: 'FROM a', rewrittenDockerfile: 'FROM a' });
    expect(r.ok).toBe(false);
    expect(r.setupError).toMatch(/not a folder/);
  });
  it('reports a missing docker client without throwing', () => {
    const r = verifyRewrite({ contextDir: __dirname, originalDockerfile: 'FROM a', rewrittenDockerfile: 'FROM a', docker: '/nonexistent/docker' });
    expect(r.ok).toBe(false);
    expect(r.setupError).toMatch(/docker client not found/);
  });
});
