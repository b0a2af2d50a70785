// Real-build verification: build the original and the rewritten Dockerfile with a real Docker daemon,
// run both, and compare what they print, how they exit and how big they are.
//
// Used by the e2e runner (scripts/e2e/run.js) and by `stageify --verify`. Synchronous (spawnSync).
// Never talks to a registry: every build and run uses `--network none`, runs use `--pull never`, and
// every base image a Dockerfile names must already exist locally — a missing one is reported as a
// setup error before anything is built. Expected failures are reported in the result, never thrown.
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { flagValue, initialArgValues, parseDockerfile } from './dockerfile';
import type { ParsedDockerfile, Stage } from './dockerfile';
import { expandVars } from './image-ref';
import { joinContinuations, splitFlags } from '../transforms/shared/instructions';

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
  /** Network for builds and runs. Default 'none'. */
  network?: string;
  /** Docker client binary. Default: $STAGEIFY_DOCKER, else `docker` (falling back to /usr/bin/docker). */
  docker?: string;
  /** Timeout of each `docker run`, in ms. Default 60 000. A run still going then is stopped. */
  timeoutMs?: number;
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
  /** Whether `docker run` was attempted and finished or timed out. */
  ran: boolean;
  /** Exit status of the container; null when it did not run or timed out. */
  exitCode: number | null;
  /** True when the run was stopped after timeoutMs. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Image size in bytes (0 when not built). */
  size: number;
  /** The image tag used (removed afterwards unless keepImages). */
  image: string;
  /** Which builder built it. */
  builder: 'legacy' | 'buildkit';
}

export interface VerifyResult {
  /** Both built, both ran, same stdout and same exit status. */
  ok: boolean;
  /** Set when verification could not be attempted (no docker, missing base image, bad input). */
  setupError?: string;
  /** Base images named by the two Dockerfiles that do not exist locally. */
  missingImages?: string[];
  /** Docker client used. */
  docker?: string;
  original: VerifySide;
  rewritten: VerifySide;
  sameOutput: boolean;
  sameExit: boolean;
  /** original.size / rewritten.size (0 when unknown). */
  ratio: number;
  /** Wall time in ms. */
  durationMs: number;
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

/** True when any RUN uses `--mount` (needs BuildKit). */
export function usesRunMount(text: string): boolean {
  const file = parseDockerfile(text);
  return file.instructions.some((i) => i.keyword === 'RUN' && splitFlags(joinContinuations(i.argsText, file.escape)).flags.has('mount'));
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
    } else if (r.original.timedOut) {
      detail = ' (both still running at timeout)';
    }
    parts.push(`runs ${runs ? OK : BAD}${detail}`);
    parts.push(`same output ${r.sameOutput ? OK : BAD}`);
    parts.push(`${formatSize(r.original.size)} → ${formatSize(r.rewritten.size)} (${formatRatio(r.ratio)})`);
  }
  return parts.join('  ');
}

function failedSides(r: VerifyResult, pass: (s: VerifySide) => boolean): string {
  const f: string[] = [];
  if (!pass(r.original)) f.push('original');
  if (!pass(r.rewritten)) f.push('rewritten');
  return f.join(' and ') + ' failed';
}

function exitText(s: VerifySide): string {
  if (!s.ran) return 'did not run';
  if (s.timedOut) return 'timeout';
  return String(s.exitCode);
}

// ---------------------------------------------------------------------------------------------
// Docker
// ---------------------------------------------------------------------------------------------

const MAX_LOG = 20000;
function tail(s: string, n = MAX_LOG): string {
  return s.length > n ? '…' + s.slice(s.length - n) : s;
}

function emptySide(image: string): VerifySide {
  return { built: false, buildLog: '', ran: false, exitCode: null, timedOut: false, stdout: '', stderr: '', size: 0, image, builder: 'legacy' };
}

function run(bin: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(bin, args, {
    encoding: 'utf8',
    env: opts.env ?? process.env,
    timeout: opts.timeout,
    input: opts.input,
    maxBuffer: 256 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
}

interface DockerCheck { bin?: string; error?: string }

/** Finds a docker client that reaches a daemon. */
export function findDocker(preferred?: string): DockerCheck {
  const candidates = preferred ? [preferred] : [process.env.STAGEIFY_DOCKER || 'docker', '/usr/bin/docker'];
  let lastError = '';
  for (const bin of [...new Set(candidates)]) {
    const r = run(bin, ['version', '--format', '{{.Server.Version}}'], { timeout: 30000 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      lastError = `docker client not found (${bin})`;
      continue;
    }
    if (r.status === 0 && r.stdout.trim()) return { bin };
    lastError = `docker daemon not answering via ${bin}: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').pop()}`;
  }
  return { error: `${lastError} (start it with scripts/e2e/setup-docker.sh)` };
}

const pullSupport = new Map<string, boolean>();
function supportsRunPull(bin: string): boolean {
  let v = pullSupport.get(bin);
  if (v === undefined) {
    const r = run(bin, ['run', '--help'], { timeout: 30000 });
    v = /--pull\b/.test(r.stdout + r.stderr);
    pullSupport.set(bin, v);
  }
  return v;
}

function imageExists(bin: string, ref: string): boolean {
  return run(bin, ['image', 'inspect', '--format', '{{.Id}}', ref], { timeout: 30000 }).status === 0;
}

function imageSize(bin: string, ref: string): number {
  const r = run(bin, ['image', 'inspect', '-f', '{{.Size}}', ref], { timeout: 30000 });
  const n = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(n) ? n : 0;
}

function build(bin: string, side: VerifySide, dockerfileText: string, file: string, o: Required<Pick<VerifyOptions, 'contextDir' | 'network' | 'buildTimeoutMs'>>): void {
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
  const r = run(client, args, { env, timeout: o.buildTimeoutMs });
  let log = (r.stdout || '') + (r.stderr || '');
  if (r.error) log += `\n[verify] ${(r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `build timed out after ${o.buildTimeoutMs} ms` : String(r.error)}`;
  side.buildLog = tail(log);
  side.built = r.status === 0 && imageExists(bin, side.image);
  if (side.built) side.size = imageSize(bin, side.image);
}

function runImage(bin: string, side: VerifySide, o: VerifyOptions & { network: string; timeoutMs: number }): void {
  const name = side.image.replace(/[^a-zA-Z0-9_.-]/g, '-');
  const args = ['run', '--rm', '--name', name, '--network', o.network];
  if (supportsRunPull(bin)) args.push('--pull', 'never');
  if (o.entrypoint !== undefined) args.push('--entrypoint', o.entrypoint);
  args.push(side.image, ...(o.runArgs ?? []));
  const r = run(bin, args, { timeout: o.timeoutMs, input: '' });
  side.stdout = tail(r.stdout ?? '', 1_000_000);
  side.stderr = tail(r.stderr ?? '');
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    side.ran = true;
    side.timedOut = true;
    run(bin, ['rm', '-f', name], { timeout: 60000 });
  } else if (r.error) {
    side.stderr += `\n[verify] docker run failed: ${String(r.error)}`;
  } else {
    side.ran = true;
    side.exitCode = r.status;
    // 125: docker itself failed (bad flags, image missing), not the container.
    if (r.status === 125) side.ran = false;
  }
}

/** Builds and runs both Dockerfiles and compares them. Never throws for expected failures. */
export function verifyRewrite(opts: VerifyOptions): VerifyResult {
  const t0 = Date.now();
  const id = crypto.randomBytes(5).toString('hex');
  const repo = `stageify-verify-${id}`;
  const result: VerifyResult = {
    ok: false,
    original: emptySide(`${repo}:orig`),
    rewritten: emptySide(`${repo}:new`),
    sameOutput: false,
    sameExit: false,
    ratio: 0,
    durationMs: 0,
  };
  const done = (): VerifyResult => { result.durationMs = Date.now() - t0; return result; };

  if (!opts.contextDir || !fs.existsSync(opts.contextDir) || !fs.statSync(opts.contextDir).isDirectory()) {
    result.setupError = `build context is not a folder: ${opts.contextDir}`;
    return done();
  }
  const docker = findDocker(opts.docker);
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
  const missing = wanted.filter((w) => !imageExists(bin, w));
  if (missing.length) {
    result.missingImages = missing;
    result.setupError = `base image(s) not present locally: ${missing.join(', ')} (not pulled: run scripts/e2e/standins.sh or load them)`;
    return done();
  }

  const network = opts.network ?? 'none';
  const timeoutMs = opts.timeoutMs ?? 60000;
  const buildTimeoutMs = opts.buildTimeoutMs ?? 1_200_000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-verify-'));
  try {
    const contextDir = path.resolve(opts.contextDir);
    build(bin, result.original, opts.originalDockerfile, path.join(tmp, 'Dockerfile.orig'), { contextDir, network, buildTimeoutMs });
    build(bin, result.rewritten, opts.rewrittenDockerfile, path.join(tmp, 'Dockerfile.new'), { contextDir, network, buildTimeoutMs });
    const runOpts = { ...opts, network, timeoutMs };
    if (result.original.built) runImage(bin, result.original, runOpts);
    if (result.rewritten.built) runImage(bin, result.rewritten, runOpts);

    const o = result.original;
    const n = result.rewritten;
    if (o.ran && n.ran) {
      result.sameExit = o.timedOut === n.timedOut && o.exitCode === n.exitCode;
      result.sameOutput = o.stdout === n.stdout;
    }
    result.ratio = o.size > 0 && n.size > 0 ? o.size / n.size : 0;
    result.ok = o.built && n.built && o.ran && n.ran && result.sameExit && result.sameOutput;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!opts.keepImages) {
      for (const s of [result.original, result.rewritten]) {
        if (s.built) run(bin, ['image', 'rm', '-f', s.image], { timeout: 60000 });
      }
    }
  }
  return done();
}
