// Real-build verification: build the original and the rewritten Dockerfile with a real Docker daemon,
// run both, and compare what they do and how big they are.
//
// Used by the e2e runner (scripts/e2e/run.js) and by `stageify --verify`. Asynchronous (child
// processes are spawned, never waited for synchronously), so the CLI verifies several files at once.
// Never talks to a registry: every build and run uses `--network none` (unless told otherwise for a
// program run), runs use `--pull never`, and every base image a Dockerfile names must already exist
// locally — a missing one is reported as a setup error before anything is built. Expected failures
// are reported in the result, never thrown.
//
// A run: the container starts detached and gets `waitMs`. A program that exits within it is compared
// by stdout and exit status; one still running at the end counts as "still running" (for both sides
// alike) and is removed. With `http`, each server is asked `http://127.0.0.1:PORT/PATH` from a
// sidecar container that joins its network namespace (`--network container:<id>`); the server runs
// with `--network none`, so that namespace holds nothing but loopback and no port is published.
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { flagValue, initialArgValues, parseDockerfile } from './dockerfile';
import type { ParsedDockerfile, Stage } from './dockerfile';
import { expandVars } from './image-ref';
import { DEFAULT_WAIT_SECONDS, httpUrl } from './verify-settings';
import type { HttpTarget } from './verify-settings';
import { joinContinuations, splitFlags } from './instruction-text';

export interface VerifyOptions {
  /** Build context folder (shared by both builds). */
  contextDir: string;
  /** Text of the original Dockerfile. */
  originalDockerfile: string;
  /** Text of the rewritten Dockerfile. */
  rewrittenDockerfile: string;
  /** Arguments appended after the image name in `docker run` (the command / CMD override). */
  runArgs?: string[];
  /** `docker run --entrypoint` value. */
  entrypoint?: string;
  /** Network for builds and program runs. Default 'none'. Servers checked over HTTP always get 'none'. */
  network?: string;
  /** Docker client binary. Default: $STAGEIFY_DOCKER, else `docker` (falling back to /usr/bin/docker). */
  docker?: string;
  /**
   * How long each run gets, in ms, before it counts as still running (and is removed).
   * Default DEFAULT_WAIT_SECONDS (8 s). With `http`, how long the server gets to answer.
   */
  waitMs?: number;
  /** Older name of waitMs (used when waitMs is not given). */
  timeoutMs?: number;
  /** Ask each server this port and path from a sidecar in its network namespace. */
  http?: HttpTarget;
  /**
   * Image the HTTP sidecar runs (must exist locally and have curl, wget or busybox). Default: the
   * original image when it has one, else the first local image of DEFAULT_SIDECARS that does.
   */
  sidecar?: string;
  /** Timeout of each `docker build`, in ms. Default 1 200 000. */
  buildTimeoutMs?: number;
  /** Keep the built images (tags are in the result). Default false. */
  keepImages?: boolean;
}

export interface VerifySide {
  /** The Dockerfile built. */
  built: boolean;
  /** Build output (stdout + stderr, tail only when long). */
  buildLog: string;
  /** Whether the container started (and then exited, or was still running at the end of the wait). */
  ran: boolean;
  /** Exit status of the container; null when it did not run or was still running. */
  exitCode: number | null;
  /** True when the container was still running at the end of the wait (it was then removed). */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Image size in bytes (0 when not built). */
  size: number;
  /** The image tag used (removed afterwards unless keepImages). */
  image: string;
  /** Which builder built it. */
  builder: 'legacy' | 'buildkit';
  /** With `http`: the status the server answered, or null. */
  httpStatus?: number | null;
  /** With `http` and no status: what happened instead (`no answer within 8 s`, `exited 1`). */
  httpNote?: string;
  /** With `http`: how many times the sidecar asked. */
  httpAttempts?: number;
}

export interface VerifyResult {
  /** Both built, both ran, same exit status (or both still running), same stdout / HTTP status. */
  ok: boolean;
  /** Set when verification could not be attempted (no docker, missing base image, bad input). */
  setupError?: string;
  /** Base images named by the two Dockerfiles that do not exist locally. */
  missingImages?: string[];
  /** Docker client used. */
  docker?: string;
  original: VerifySide;
  rewritten: VerifySide;
  /**
   * Same stdout. For containers still running at the end of the wait: what one printed is a prefix
   * of what the other printed (they may have been stopped at different points). Not compared with
   * `http` (server logs hold times and latencies): true there.
   */
  sameOutput: boolean;
  /** Same exit status, or both still running. */
  sameExit: boolean;
  /** The wait used, in ms. */
  waitMs: number;
  /** With `http`: what was asked, the sidecar used, and whether both answered the same status below 500. */
  http?: { target: HttpTarget; sidecar?: string; tool?: string; sameStatus: boolean };
  /** original.size / rewritten.size (0 when unknown). */
  ratio: number;
  /** Wall time in ms. */
  durationMs: number;
  /** Of it, the runs (both sides at once, with the sidecar and the clean-up), in ms; 0 when none. */
  runMs: number;
}

// ---------------------------------------------------------------------------------------------
// Pure helpers (unit-tested)
// ---------------------------------------------------------------------------------------------

/** Values of the ARGs declared before the first FROM (what FROM lines may use). */
function globalArgs(file: ParsedDockerfile): (name: string) => string | undefined {
  const vars = initialArgValues(file);
  return (name) => vars.get(name);
}

/**
 * Images a Dockerfile pulls in from outside: FROM bases, `COPY --from=<image>` and
 * `RUN --mount=...,from=<image>`, excluding `scratch`, earlier stage names and stage indexes.
 * `${ARG}` references are resolved with the defaults of ARGs declared before the first FROM
 * (an unresolvable one is kept as written). Order of first appearance, no duplicates.
 */
export function listBaseImages(text: string): string[] {
  const file = parseDockerfile(text);
  const lookup = globalArgs(file);
  const stages = new Set<string>();
  const images: string[] = [];
  const add = (ref: string) => {
    const r = (expandVars(ref, lookup, file.escape) ?? ref).trim();
    if (!r || r.toLowerCase() === 'scratch' || stages.has(r.toLowerCase()) || /^\d+$/.test(r)) return;
    if (!images.includes(r)) images.push(r);
  };
  for (const stage of file.stages) {
    const image = imageOf(stage);
    if (image) add(image);
    if (stage.name) stages.add(stage.name.toLowerCase());
    for (const ins of stage.body) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const from = flagValue(ins, 'from');
        if (from) add(from);
      } else if (ins.keyword === 'RUN') {
        for (const m of ins.argsText.matchAll(/--mount=(\S+)/g)) {
          const from = /(?:^|,)from=([^,\s]+)/.exec(m[1]);
          if (from) add(from[1]);
        }
      }
    }
  }
  return images;
}

/**
 * Base image of the final stage: an external image, `scratch`, or (when the final FROM names an
 * earlier stage) that stage's own base, followed back. ARG defaults before the first FROM are applied.
 * Undefined when there is no FROM.
 */
export function finalBase(text: string): string | undefined {
  const file = parseDockerfile(text);
  const lookup = globalArgs(file);
  const stageBase = new Map<string, string>();
  let last: string | undefined;
  for (const stage of file.stages) {
    const raw = imageOf(stage);
    if (!raw) continue;
    const ref = expandVars(raw, lookup, file.escape) ?? raw;
    const base = stageBase.get(ref.toLowerCase()) ?? ref;
    if (stage.name) stageBase.set(stage.name.toLowerCase(), base);
    last = base;
  }
  return last;
}

function imageOf(stage: Stage): string | null {
  return (stage.from.node as unknown as { getImage(): string | null }).getImage();
}

/**
 * True when the file needs BuildKit: a RUN uses `--mount`, or a FROM names its platform from the
 * automatic platform ARGs (`--platform=$BUILDPLATFORM`), which the classic builder leaves empty.
 */
export function usesRunMount(text: string): boolean {
  const file = parseDockerfile(text);
  return file.instructions.some((i) =>
    (i.keyword === 'RUN' && splitFlags(joinContinuations(i.argsText, file.escape)).flags.has('mount')) ||
    (i.keyword === 'FROM' && /\$\{?(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)\b/.test(splitFlags(i.argsText).flags.get('platform') ?? '')));
}

/** Decimal sizes like Docker prints them: `891 MB`, `3.4 MB`, `512 kB`, `1.2 GB`. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  if (bytes < 1e3) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${trim1(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${trim1(bytes / 1e6)} MB`;
  return `${(bytes / 1e9).toFixed(2).replace(/\.?0+$/, '')} GB`;
}

/** One decimal below 100, integer from 100 up. */
function trim1(v: number): string {
  return v >= 99.95 ? String(Math.round(v)) : v.toFixed(1);
}

/** `262x`, `1.4x`. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '?x';
  return ratio >= 9.95 ? `${Math.round(ratio)}x` : `${ratio.toFixed(1)}x`;
}

/** Sizes in MB with one decimal, for tables. */
export function formatMB(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

const OK = '✓';
const BAD = '✗';

/** e.g. `builds ✓  runs ✓  same output ✓  891 MB → 3.4 MB (262x)`. */
export function formatVerifyLine(r: VerifyResult): string {
  if (r.setupError) return `not verified: ${r.setupError}`;
  const parts: string[] = [];
  const builds = r.original.built && r.rewritten.built;
  parts.push(`builds ${builds ? OK : BAD}${builds ? '' : ` (${failedSides(r, (s) => s.built)})`}`);
  if (builds) {
    const runs = r.original.ran && r.rewritten.ran && r.sameExit;
    let detail = '';
    if (!runs) {
      detail = ` (exit ${exitText(r.original)} → ${exitText(r.rewritten)})`;
    } else if (r.original.timedOut && !r.http) {
      detail = ` (both still running after ${seconds(r.waitMs)})`;
    }
    parts.push(`runs ${runs ? OK : BAD}${detail}`);
    if (r.http) parts.push(formatHttpPart(r, r.http.target));
    else parts.push(`same output ${r.sameOutput ? OK : BAD}`);
    parts.push(`${formatSize(r.original.size)} → ${formatSize(r.rewritten.size)} (${formatRatio(r.ratio)})`);
  }
  return parts.join('  ');
}

/** `http ✓ (GET /healthz: 200)`, `http ✗ (GET /: 200 → 404)`, `http ✗ (GET /: 500 on both)`. */
function formatHttpPart(r: VerifyResult, t: HttpTarget): string {
  const what = (s: VerifySide) => (s.httpStatus != null ? String(s.httpStatus) : s.httpNote || 'no answer');
  const o = what(r.original);
  const n = what(r.rewritten);
  const get = `GET :${t.port}${t.path}`;
  if (r.http?.sameStatus) return `http ${OK} (${get}: ${o})`;
  if (o === n) return `http ${BAD} (${get}: ${o} on both)`;
  return `http ${BAD} (${get}: ${o} → ${n})`;
}

/** `8 s`, `1.5 s`. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function failedSides(r: VerifyResult, pass: (s: VerifySide) => boolean): string {
  const f: string[] = [];
  if (!pass(r.original)) f.push('original');
  if (!pass(r.rewritten)) f.push('rewritten');
  return f.join(' and ') + ' failed';
}

function exitText(s: VerifySide): string {
  if (!s.ran) return 'did not run';
  if (s.timedOut) return 'still running';
  return String(s.exitCode);
}

/**
 * Whether two runs printed the same: equal stdout when both exited; when both were still running,
 * one's output so far is a prefix of the other's (they were stopped at different moments).
 */
export function sameStdout(o: VerifySide, n: VerifySide): boolean {
  if (o.timedOut && n.timedOut) return o.stdout.startsWith(n.stdout) || n.stdout.startsWith(o.stdout);
  return o.stdout === n.stdout;
}

/** The verdict of two finished sides (fills sameExit, sameOutput, http.sameStatus, ok). */
export function judge(result: VerifyResult): void {
  const o = result.original;
  const n = result.rewritten;
  result.sameExit = false;
  result.sameOutput = false;
  if (o.ran && n.ran) {
    result.sameExit = o.timedOut === n.timedOut && o.exitCode === n.exitCode;
    result.sameOutput = result.http ? true : sameStdout(o, n);
  }
  if (result.http) {
    const s = o.httpStatus;
    result.http.sameStatus = s != null && s === n.httpStatus && s < 500;
  }
  result.ok = o.built && n.built && o.ran && n.ran && result.sameExit && result.sameOutput && (!result.http || result.http.sameStatus);
}

// ---------------------------------------------------------------------------------------------
// HTTP probes (pure parts unit-tested)
// ---------------------------------------------------------------------------------------------

/** A program in the sidecar image that can ask a URL. */
export interface HttpProbe {
  image: string;
  tool: 'curl' | 'wget' | 'busybox';
  /** Absolute path of the program in the image. */
  path: string;
}

/**
 * Local images tried as the sidecar, in order, when the original image has no curl or wget and none
 * is named: the distroless `debug` images carry busybox (wget at /busybox/wget).
 */
export const DEFAULT_SIDECARS = [
  'gcr.io/distroless/static-debian12:debug',
  'gcr.io/distroless/base-debian12:debug',
  'busybox:latest',
  'curlimages/curl:latest',
];

/**
 * Run in the candidate image (with its sh): prints `TOOL PATH` of the first of curl, wget, busybox
 * found on the image's PATH (walked by hand: busybox's sh names its own applets without a path).
 */
export const PROBE_DETECT_SCRIPT = 'IFS=:; for t in curl wget busybox; do for d in $PATH; do [ -x "$d/$t" ] && { echo "$t $d/$t"; exit 0; }; done; done; exit 1';

/** The probe tool named by the output of PROBE_DETECT_SCRIPT, or null. */
export function parseProbeDetect(image: string, stdout: string): HttpProbe | null {
  const m = /^(curl|wget|busybox) (\/\S+)\s*$/m.exec(stdout);
  return m ? { image, tool: m[1] as HttpProbe['tool'], path: m[2] } : null;
}

/**
 * Arguments after `--entrypoint <probe.path> <image>` that ask `url` once. curl prints the status and
 * follows no redirect; wget prints the response headers (-S) on stderr and is stopped from outside
 * (busybox's own -T crashes in some builds). No proxy is used (see PROBE_ENV).
 */
export function probeArgs(probe: HttpProbe, url: string): string[] {
  if (probe.tool === 'curl') return ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--noproxy', '*', '--max-time', '5', url];
  const wget = ['-S', '-O', '/dev/null', url];
  return probe.tool === 'busybox' ? ['wget', ...wget] : wget;
}

/** Proxy variables cleared in the sidecar, so a request can only go to the address asked. */
export const PROBE_ENV = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']
  .flatMap((v) => ['-e', `${v}=`]);

/** The HTTP status a probe saw (the first response's), or null when it got none. */
export function parseProbeStatus(tool: HttpProbe['tool'], stdout: string, stderr: string): number | null {
  if (tool === 'curl') {
    const m = /^\s*(\d{3})\s*$/.exec(stdout);
    const n = m ? Number(m[1]) : 0;
    return n >= 100 ? n : null;
  }
  const m = /HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(`${stderr}\n${stdout}`);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// Docker
// ---------------------------------------------------------------------------------------------

const MAX_LOG = 20000;
const MAX_STDOUT = 1_000_000;
function tail(s: string, n = MAX_LOG): string {
  return s.length > n ? '…' + s.slice(s.length - n) : s;
}

function emptySide(image: string): VerifySide {
  return { built: false, buildLog: '', ran: false, exitCode: null, timedOut: false, stdout: '', stderr: '', size: 0, image, builder: 'legacy' };
}

function runSync(bin: string, args: string[], timeout: number): SpawnSyncReturns<string> {
  return spawnSync(bin, args, { encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL' });
}

interface ExecResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
  /** Killed after timeoutMs. */
  timedOut: boolean;
  /** Killed because the signal was aborted. */
  aborted: boolean;
}

interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Characters of each stream kept (the tail). Default MAX_STDOUT. */
  keep?: number;
}

/** Runs a program (stdin from /dev/null) and collects its output. Never rejects. */
function exec(bin: string, args: string[], o: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const keep = o.keep ?? MAX_STDOUT;
    let stdout = '';
    let stderr = '';
    let error: NodeJS.ErrnoException | undefined;
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const child = spawn(bin, args, { env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
    const onAbort = () => { aborted = true; kill(); };
    const finish = (status: number | null) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      resolve({ status, stdout: tail(stdout, keep), stderr: tail(stderr, keep), error, timedOut, aborted });
    };
    const add = (prev: string, chunk: Buffer) => {
      const s = prev + chunk.toString('utf8');
      return s.length > 2 * keep ? s.slice(s.length - keep) : s;
    };
    child.stdout.on('data', (c: Buffer) => { stdout = add(stdout, c); });
    child.stderr.on('data', (c: Buffer) => { stderr = add(stderr, c); });
    child.on('error', (e: NodeJS.ErrnoException) => {
      error = e;
      // Not started at all (ENOENT, EACCES): no 'close' follows reliably.
      if (child.pid === undefined) finish(null);
    });
    child.on('close', (code) => finish(code));
    if (o.timeoutMs !== undefined) timer = setTimeout(() => { timedOut = true; kill(); }, o.timeoutMs);
    if (o.signal) {
      if (o.signal.aborted) onAbort();
      else o.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

interface DockerCheck { bin?: string; error?: string }

function dockerCandidates(preferred?: string): string[] {
  return [...new Set(preferred ? [preferred] : [process.env.STAGEIFY_DOCKER || 'docker', '/usr/bin/docker'])];
}

/** What `docker version` said about one client: found (bin), or an error and whether to try the next. */
function readVersion(bin: string, r: { status: number | null; stdout: string; stderr: string; error?: Error }): { ok: boolean; error: string } {
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, error: `docker client not found (${bin})` };
  if (r.status === 0 && r.stdout.trim()) return { ok: true, error: '' };
  return { ok: false, error: `docker daemon not answering via ${bin}: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').pop()}` };
}

const VERSION_ARGS = ['version', '--format', '{{.Server.Version}}'];
const setupHint = (error: string) => `${error} (start it with scripts/e2e/setup-docker.sh)`;

/** Finds a docker client that reaches a daemon (synchronous; for scripts). */
export function findDocker(preferred?: string): DockerCheck {
  let lastError = '';
  for (const bin of dockerCandidates(preferred)) {
    const v = readVersion(bin, runSync(bin, VERSION_ARGS, 30000));
    if (v.ok) return { bin };
    lastError = v.error;
  }
  return { error: setupHint(lastError) };
}

async function findDockerAsync(preferred?: string): Promise<DockerCheck> {
  let lastError = '';
  for (const bin of dockerCandidates(preferred)) {
    const v = readVersion(bin, await exec(bin, VERSION_ARGS, { timeoutMs: 30000 }));
    if (v.ok) return { bin };
    lastError = v.error;
  }
  return { error: setupHint(lastError) };
}

const pullSupport = new Map<string, Promise<boolean>>();
/** `--pull never` when the client knows it. */
function pullNever(bin: string): Promise<string[]> {
  let v = pullSupport.get(bin);
  if (!v) {
    v = exec(bin, ['run', '--help'], { timeoutMs: 30000 }).then((r) => /--pull\b/.test(r.stdout + r.stderr));
    pullSupport.set(bin, v);
  }
  return v.then((yes) => (yes ? ['--pull', 'never'] : []));
}

async function imageExists(bin: string, ref: string): Promise<boolean> {
  return (await exec(bin, ['image', 'inspect', '--format', '{{.Id}}', ref], { timeoutMs: 30000 })).status === 0;
}

async function imageSize(bin: string, ref: string): Promise<number> {
  const r = await exec(bin, ['image', 'inspect', '-f', '{{.Size}}', ref], { timeoutMs: 30000 });
  const n = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(n) ? n : 0;
}

async function build(bin: string, side: VerifySide, dockerfileText: string, file: string, o: { contextDir: string; network: string; buildTimeoutMs: number }): Promise<void> {
  fs.writeFileSync(file, dockerfileText);
  let client = bin;
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_BUILDKIT: '0' };
  if (usesRunMount(dockerfileText)) {
    // The daemon's built-in BuildKit; docker.io's 20.10 client drives it without buildx.
    side.builder = 'buildkit';
    env.DOCKER_BUILDKIT = '1';
    if (fs.existsSync('/usr/bin/docker')) client = '/usr/bin/docker';
  }
  const args = ['build', '--network', o.network, '--pull=false', '-f', file, '-t', side.image];
  if (side.builder === 'buildkit') args.push('--progress', 'plain');
  else args.push('--force-rm');
  args.push(o.contextDir);
  const r = await exec(client, args, { env, timeoutMs: o.buildTimeoutMs, keep: MAX_LOG });
  let log = r.stdout + r.stderr;
  if (r.timedOut) log += `\n[verify] build timed out after ${o.buildTimeoutMs} ms`;
  else if (r.error) log += `\n[verify] ${String(r.error)}`;
  side.buildLog = tail(log);
  side.built = r.status === 0 && await imageExists(bin, side.image);
  if (side.built) side.size = await imageSize(bin, side.image);
}

// Named images found to hold a probe tool (or not), per client.
const probeCache = new Map<string, Promise<HttpProbe | null>>();

async function detectProbe(bin: string, image: string, cache: boolean): Promise<HttpProbe | null> {
  const key = `${bin}\0${image}`;
  const hit = cache ? probeCache.get(key) : undefined;
  if (hit) return hit;
  const found = (async () => {
    const r = await exec(bin, ['run', '--rm', '--network', 'none', ...await pullNever(bin), '--entrypoint', 'sh', image, '-c', PROBE_DETECT_SCRIPT], { timeoutMs: 60000, keep: MAX_LOG });
    return r.status === 0 ? parseProbeDetect(image, r.stdout) : null;
  })();
  if (cache) probeCache.set(key, found);
  return found;
}

/** The sidecar for the HTTP check, or why there is none. */
async function chooseSidecar(bin: string, named: string | undefined, original: string): Promise<{ probe?: HttpProbe; error?: string }> {
  if (named) {
    if (!await imageExists(bin, named)) return { error: `sidecar image not present locally: ${named} (not pulled: load it, or name another with --verify-sidecar)` };
    const probe = await detectProbe(bin, named, true);
    return probe ? { probe } : { error: `sidecar image ${named} has no sh with curl, wget or busybox on its PATH` };
  }
  const own = await detectProbe(bin, original, false);
  if (own) return { probe: own };
  for (const image of DEFAULT_SIDECARS) {
    if (!await imageExists(bin, image)) continue;
    const probe = await detectProbe(bin, image, true);
    if (probe) return { probe };
  }
  return {
    error: 'the HTTP check needs a local sidecar image with curl, wget or busybox: the original image has none, ' +
      `and none of ${DEFAULT_SIDECARS.join(', ')} is present; load one or name one with --verify-sidecar IMAGE`,
  };
}

interface RunPlan {
  bin: string;
  network: string;
  pull: string[];
  entrypoint?: string;
  runArgs?: string[];
  waitMs: number;
  http?: HttpTarget;
  probe?: HttpProbe;
}

function containerName(image: string): string {
  return image.replace(/[^a-zA-Z0-9_.-]/g, '-');
}

/**
 * Starts one image detached and gives it the wait. An exit within the wait is recorded with its
 * status; a container still running then (or once its server answered) is marked timedOut. Its
 * stdout and stderr are read from its log, then it is removed.
 */
async function runSide(side: VerifySide, p: RunPlan): Promise<void> {
  const { bin } = p;
  const name = containerName(side.image);
  const args = ['run', '-d', '--name', name, '--network', p.http ? 'none' : p.network, ...p.pull];
  if (p.entrypoint !== undefined) args.push('--entrypoint', p.entrypoint);
  args.push(side.image, ...(p.runArgs ?? []));
  try {
    const started = await exec(bin, args, { timeoutMs: 120000, keep: MAX_LOG });
    if (started.status !== 0) {
      // 125: docker itself failed (bad flags, image missing). 126/127: the command cannot be run;
      // an attached `docker run` reports that as the exit status, and so does this.
      if (started.status === 126 || started.status === 127) {
        side.ran = true;
        side.exitCode = started.status;
      }
      side.stderr = tail(started.stderr + (started.error ? `\n[verify] docker run failed: ${String(started.error)}` : ''));
      return;
    }
    side.ran = true;
    const deadline = Date.now() + p.waitMs;
    const stopWaiting = new AbortController();
    const state: { exit?: number | null } = {};
    const waiting = exec(bin, ['wait', name], { timeoutMs: p.waitMs, signal: stopWaiting.signal, keep: MAX_LOG }).then((r) => {
      const code = Number(r.stdout.trim());
      state.exit = r.status === 0 && r.stdout.trim() !== '' && Number.isInteger(code) ? code : null;
      if (state.exit === null && !r.timedOut && !r.aborted) side.stderr += `\n[verify] docker wait failed: ${r.stderr.trim()}`;
      return state.exit;
    });
    if (p.http && p.probe) {
      await askServer(side, { ...p, http: p.http, probe: p.probe }, name, deadline, state);
      if (state.exit === undefined) stopWaiting.abort();
    }
    const code = await waiting;
    if (code !== null) side.exitCode = code;
    else side.timedOut = true;
    if (p.http && side.httpStatus == null) {
      side.httpNote = code !== null ? `exited ${code}` : `no answer within ${seconds(p.waitMs)}`;
    }
    const logs = await exec(bin, ['logs', name], { timeoutMs: 60000 });
    side.stdout = logs.stdout;
    side.stderr = tail(logs.stderr + side.stderr);
  } finally {
    await exec(bin, ['rm', '-f', name], { timeoutMs: 60000 });
  }
}

/**
 * Asks the server from a sidecar in its network namespace until it answers, its container exits or
 * the wait runs out. A refused connection (still starting) is asked again.
 */
async function askServer(
  side: VerifySide, p: RunPlan & { http: HttpTarget; probe: HttpProbe }, name: string, deadline: number, state: { exit?: number | null },
): Promise<void> {
  const url = httpUrl(p.http);
  let attempts = 0;
  let last = '';
  side.httpStatus = null;
  while (state.exit === undefined) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    attempts++;
    const probeName = `${name}-ask${attempts}`;
    const r = await exec(p.bin, [
      'run', '--rm', '--name', probeName, '--network', `container:${name}`, ...p.pull, ...PROBE_ENV,
      '--entrypoint', p.probe.path, p.probe.image, ...probeArgs(p.probe, url),
    ], { timeoutMs: Math.max(left, 2000), keep: MAX_LOG });
    if (r.timedOut) await exec(p.bin, ['rm', '-f', probeName], { timeoutMs: 60000 });
    const status = parseProbeStatus(p.probe.tool, r.stdout, r.stderr);
    if (status !== null) {
      side.httpStatus = status;
      break;
    }
    last = (r.stderr || r.stdout).trim().split('\n').pop() ?? '';
    await sleep(Math.min(200, deadline - Date.now()));
  }
  side.httpAttempts = attempts;
  if (side.httpStatus == null && last) side.stderr += `\n[verify] last HTTP probe: ${last}`;
}

/** Builds and runs both Dockerfiles and compares them. Never rejects for expected failures. */
export async function verifyRewrite(opts: VerifyOptions): Promise<VerifyResult> {
  const t0 = Date.now();
  const id = crypto.randomBytes(5).toString('hex');
  const repo = `stageify-verify-${id}`;
  const waitMs = opts.waitMs ?? opts.timeoutMs ?? DEFAULT_WAIT_SECONDS * 1000;
  const result: VerifyResult = {
    ok: false,
    original: emptySide(`${repo}:orig`),
    rewritten: emptySide(`${repo}:new`),
    sameOutput: false,
    sameExit: false,
    waitMs,
    ratio: 0,
    durationMs: 0,
    runMs: 0,
  };
  if (opts.http) result.http = { target: opts.http, sameStatus: false };
  const done = (): VerifyResult => { result.durationMs = Date.now() - t0; return result; };

  if (!opts.contextDir || !fs.existsSync(opts.contextDir) || !fs.statSync(opts.contextDir).isDirectory()) {
    result.setupError = `build context is not a folder: ${opts.contextDir}`;
    return done();
  }
  const docker = await findDockerAsync(opts.docker);
  if (!docker.bin) {
    result.setupError = docker.error;
    return done();
  }
  const bin = docker.bin;
  result.docker = bin;

  const wanted = [...new Set([...listBaseImages(opts.originalDockerfile), ...listBaseImages(opts.rewrittenDockerfile)])];
  const unresolved = wanted.filter((w) => w.includes('$'));
  if (unresolved.length) {
    result.setupError = `base image reference(s) with unresolved build args: ${unresolved.join(', ')}`;
    return done();
  }
  const present = await Promise.all(wanted.map((w) => imageExists(bin, w)));
  const missing = wanted.filter((_, i) => !present[i]);
  if (missing.length) {
    result.missingImages = missing;
    result.setupError = `base image(s) not present locally: ${missing.join(', ')} (not pulled: run scripts/e2e/standins.sh or load them)`;
    return done();
  }
  if (opts.http && opts.sidecar && !await imageExists(bin, opts.sidecar)) {
    result.setupError = `sidecar image not present locally: ${opts.sidecar} (not pulled: load it, or name another with --verify-sidecar)`;
    return done();
  }

  const network = opts.network ?? 'none';
  const buildTimeoutMs = opts.buildTimeoutMs ?? 1_200_000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-verify-'));
  const o = result.original;
  const n = result.rewritten;
  try {
    const contextDir = path.resolve(opts.contextDir);
    await build(bin, o, opts.originalDockerfile, path.join(tmp, 'Dockerfile.orig'), { contextDir, network, buildTimeoutMs });
    await build(bin, n, opts.rewrittenDockerfile, path.join(tmp, 'Dockerfile.new'), { contextDir, network, buildTimeoutMs });
    result.ratio = o.size > 0 && n.size > 0 ? o.size / n.size : 0;
    if (!o.built || !n.built) return done();

    const plan: RunPlan = { bin, network, pull: await pullNever(bin), entrypoint: opts.entrypoint, runArgs: opts.runArgs, waitMs, http: opts.http };
    if (opts.http) {
      const chosen = await chooseSidecar(bin, opts.sidecar, o.image);
      if (!chosen.probe) {
        result.setupError = chosen.error;
        return done();
      }
      plan.probe = chosen.probe;
      result.http!.sidecar = chosen.probe.image === o.image ? 'the original image' : chosen.probe.image;
      result.http!.tool = chosen.probe.path;
    }
    // Both at once: the wait is spent once.
    const runStart = Date.now();
    await Promise.all([runSide(o, plan), runSide(n, plan)]);
    result.runMs = Date.now() - runStart;
    judge(result);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!opts.keepImages) {
      const built = [o, n].filter((s) => s.built).map((s) => s.image);
      if (built.length) await exec(bin, ['image', 'rm', '-f', ...built], { timeoutMs: 60000 });
    }
  }
  return done();
}
