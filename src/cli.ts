// The command line: argument parsing, help, version, and mapping results to exit codes.
// Heavy modules (yargs, the engine) are required lazily so `stageify --version` stays fast.
import * as fs from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { makeColors, plain, shouldColor } from './color';
import type { Colors } from './color';
import type { MessageId } from './messages';
import type { ReportEntry, ReportFormat } from './report';
import type { FileResult, UserPolicy } from './types';

/** Exit codes: the CLI contract. */
export const EXIT = { ok: 0, changes: 1, error: 2 } as const;

interface OutStream { write(chunk: string | Uint8Array): unknown; isTTY?: boolean }

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliArgs {
  paths: string[];
  stdin: boolean;
  write: boolean;
  check: boolean;
  listDifferent: boolean;
  format: ReportFormat;
  output?: string;
  patchFile?: string;
  runtime?: string;
  context?: string;
  user?: UserPolicy;
  explain: boolean;
  color?: boolean;
  stdinFilepath?: string;
  debug: boolean;
  quiet: boolean;
  verify: boolean;
  verifyNetwork?: string;
  verifyCmd?: string;
  verifyArgs?: string[];
  /** --verify-wait SECONDS */
  verifyWait?: number;
  /** --verify-http PORT[/PATH] */
  verifyHttp?: import('./verify-settings').HttpTarget;
  /** --verify-sidecar IMAGE */
  verifySidecar?: string;
  /** --config FILE */
  config?: string;
  /** --no-config */
  noConfig: boolean;
  /** --transform PATH (repeatable) */
  transform: string[];
  /** --buildkit: every BuildKit feature on (undefined: as the config says). */
  buildkit?: boolean;
  /** --onbuild-from IMAGE=DOCKERFILE (repeatable), paths as given */
  onbuildFrom: Record<string, string>;
}

/** An error the user can act on: printed as one line, no stack. */
class CliError extends Error {}
class UsageError extends CliError {}

// yargs drops a bare `-`; it is swapped for this token before parsing and back after.
const STDIN_TOKEN = '\u0000stdin';

export function readVersion(): string {
  // Walk up: this file runs from src/ under ts-jest and from dist/src/ once built.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'stageify') return String(pkg.version);
    } catch { /* not here */ }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function buildParser(version: string): Argv {
  const yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  return yargs()
    .scriptName('stageify')
    .command('$0 [paths..]',
      'Rewrite single-stage and *-onbuild Dockerfiles into multi-stage builds.\n' +
      'Dry run by default: prints a unified diff on stdout and a summary on stderr.',
      (y) => y.positional('paths', {
        type: 'string', array: true, default: ['.'],
        describe: 'Files, folders or globs; `-` reads a Dockerfile from stdin and writes the result to stdout',
      }))
    .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'Apply the changes (atomic writes, file mode kept)' })
    .option('check', { alias: 'c', type: 'boolean', default: false, describe: 'Exit 1 when any file would change' })
    .option('list-different', { alias: 'l', type: 'boolean', default: false, describe: 'Print only the paths of files that change' })
    .option('format', { type: 'string', choices: ['text', 'json', 'markdown', 'github'], default: 'text', describe: 'Report format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the report to FILE instead of stdout' })
    .option('patch-file', { type: 'string', describe: 'Write one combined patch (accepted by `git apply`) to FILE' })
    .option('runtime', { type: 'string', describe: 'Runtime base: distroless, scratch, alpine, chainguard, debian, or an image' })
    .option('context', { type: 'string', describe: "Build context folder (default: each Dockerfile's folder)" })
    .option('config', { type: 'string', describe: 'Config file to use (default: search stageify.config.json, .stageifyrc[.json], package.json#stageify from the working folder up); --no-config skips it' })
    .option('transform', { type: 'string', describe: 'Custom transform module (a path; repeatable), tried before the built-in transforms' })
    .option('onbuild-from', { type: 'string', describe: 'IMAGE=path/to/Dockerfile: the Dockerfile an onbuild base image is built from, so its ONBUILD triggers can be written out (repeatable)' })
    .option('user', { type: 'string', choices: ['nonroot', 'root'], describe: 'Runtime user where the original ran as root implicitly' })
    .option('buildkit', { type: 'boolean', describe: 'Faster builds (the output needs BuildKit): dependency-first layers, cache mounts, Go cross-compilation, each where provably safe' })
    .option('explain', { type: 'boolean', default: false, describe: 'List every message with its id and reason' })
    .option('color', { type: 'boolean', describe: 'Force color on (--color) or off (--no-color); default: only on a TTY' })
    .option('stdin-filepath', { type: 'string', describe: 'Path of the Dockerfile read from stdin (for messages and context)' })
    .option('verify', { type: 'boolean', default: false, describe: 'Build and run the original and rewritten images with Docker' })
    .option('verify-network', { type: 'string', describe: 'Docker network for --verify builds and runs (default: none)' })
    .option('verify-cmd', { type: 'string', describe: 'Entrypoint to run in both images for --verify' })
    .option('verify-args', { type: 'string', describe: 'Arguments after the image name in the --verify runs, e.g. --verify-args="--version"' })
    .option('verify-wait', { type: 'string', describe: 'Seconds each --verify run gets before it counts as still running (default 8)' })
    .option('verify-http', { type: 'string', describe: 'Check servers over HTTP: PORT or PORT/PATH (e.g. 8080/healthz), asked on 127.0.0.1 from a sidecar in their network namespace' })
    .option('verify-sidecar', { type: 'string', describe: 'Local image with curl or wget for --verify-http (default: the original image, else a distroless :debug image)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors and the report itself' })
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces of internal errors' })
    .strict()
    .help().alias('h', 'help')
    .version(version)
    .wrap(100)
    .exitProcess(false)
    .fail((msg, err) => { throw new UsageError(msg || err?.message || 'invalid arguments'); });
}

type Parsed = { kind: 'args'; args: CliArgs } | { kind: 'output'; text: string };

export function parseArgs(argv: string[]): Parsed {
  let shown = '';
  const raw = buildParser(readVersion())
    .parseSync(argv.map((a) => (a === '-' ? STDIN_TOKEN : a)), {}, (_err, _argv, output) => { shown = output; }) as Record<string, unknown>;
  if (raw.help || raw.version) return { kind: 'output', text: shown + '\n' };

  const unswap = (v: unknown) => (v === STDIN_TOKEN ? '-' : (v as string | undefined));
  const all = (raw.paths as string[]);
  const stdin = all.includes(STDIN_TOKEN);
  const args: CliArgs = {
    paths: all.filter((p) => p !== STDIN_TOKEN),
    stdin,
    write: raw.write as boolean,
    check: raw.check as boolean,
    listDifferent: raw.listDifferent as boolean,
    format: raw.format as ReportFormat,
    output: unswap(raw.output),
    patchFile: unswap(raw.patchFile),
    runtime: raw.runtime as string | undefined,
    context: raw.context as string | undefined,
    user: raw.user as UserPolicy | undefined,
    buildkit: raw.buildkit as boolean | undefined,
    explain: raw.explain as boolean,
    color: raw.color as boolean | undefined,
    stdinFilepath: raw.stdinFilepath as string | undefined,
    debug: raw.debug as boolean,
    quiet: raw.quiet as boolean,
    verify: raw.verify as boolean,
    verifyNetwork: raw.verifyNetwork as string | undefined,
    verifyCmd: raw.verifyCmd as string | undefined,
    verifyArgs: parseVerifyArgs(raw.verifyArgs as string | undefined),
    verifyWait: parseVerifySetting(raw.verifyWait, '--verify-wait', (v) => {
      const w = (require('./verify-settings') as typeof import('./verify-settings')).parseWaitSeconds(v);
      return 'error' in w ? w : { value: w.seconds };
    }),
    verifyHttp: parseVerifySetting(raw.verifyHttp, '--verify-http', (v) => {
      const t = (require('./verify-settings') as typeof import('./verify-settings')).parseHttpTarget(v);
      return 'error' in t ? t : { value: t };
    }),
    verifySidecar: parseVerifySetting(raw.verifySidecar, '--verify-sidecar', (v) =>
      (/^\S+$/.test(v) ? { value: v } : { error: `must be a local image, got ${JSON.stringify(v)}` })),
    config: typeof raw.config === 'string' ? raw.config : undefined,
    noConfig: raw.config === false,
    transform: ([] as unknown[]).concat(raw.transform ?? []).map(String),
    onbuildFrom: parseOnbuildFrom(([] as unknown[]).concat(raw.onbuildFrom ?? []).map(String)),
  };
  if (args.config === '') throw new UsageError('--config needs a file');
  if (args.transform.some((t) => t === '')) throw new UsageError('--transform needs a path');
  // Checked here: yargs' conflicts() counts defaulted booleans as given.
  if (args.write && args.check) throw new UsageError('--write and --check cannot be combined');
  if (stdin && args.paths.length) throw new UsageError('`-` (stdin) cannot be combined with other paths');
  if (stdin && args.write) throw new UsageError('--write cannot be used with stdin');
  if (args.listDifferent && args.format !== 'text') throw new UsageError('--list-different cannot be combined with --format ' + args.format);
  if (!args.verify && (args.verifyNetwork || args.verifyCmd || args.verifyArgs || args.verifyWait || args.verifyHttp || args.verifySidecar)) {
    throw new UsageError('--verify-network, --verify-cmd, --verify-args, --verify-wait, --verify-http and --verify-sidecar need --verify');
  }
  return { kind: 'args', args };
}

/** --onbuild-from IMAGE=DOCKERFILE, each once. */
function parseOnbuildFrom(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const image = eq > 0 ? v.slice(0, eq).trim() : '';
    const file = eq > 0 ? v.slice(eq + 1).trim() : '';
    if (!image || !file || /\s/.test(image)) throw new UsageError(`--onbuild-from needs IMAGE=path/to/Dockerfile, got ${JSON.stringify(v)}`);
    if (image in out && out[image] !== file) throw new UsageError(`--onbuild-from names ${image} twice`);
    out[image] = file;
  }
  return out;
}

/** A --verify-* value checked by `check`; repeated flags are refused. */
function parseVerifySetting<T>(raw: unknown, flag: string, check: (v: string) => { value: T } | { error: string }): T | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UsageError(`${flag} was given more than once`);
  const r = check(String(raw));
  if ('error' in r) throw new UsageError(`${flag} ${r.error}`);
  return r.value;
}

function parseVerifyArgs(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const { toArgv } = require('./shell-words') as typeof import('./shell-words');
  const argv = toArgv(text);
  if (!argv) throw new UsageError('--verify-args must be plain words (no shell syntax)');
  return argv;
}

// Lazily: `--version` loads nothing it does not print.
const msg = (id: MessageId, params: Record<string, string>) => (require('./messages') as typeof import('./messages')).msg(id, params);

function errorResult(p: string, id: MessageId, reason: string): FileResult {
  return { path: p, status: 'error', messages: [msg(id, { reason })], original: '', output: '', encoding: 'utf8', edits: [] };
}

/** A result turned into an error after planning (a failed write), keeping what it said before. */
function failed(r: FileResult, id: MessageId, reason: string): FileResult {
  return { ...r, status: 'error', messages: [...r.messages, msg(id, { reason })] };
}

const describeError = (err: unknown) => (err instanceof Error ? err.message : String(err));
const stackOf = (err: unknown) => String((err as Error)?.stack ?? err);

interface Ctx { io: CliIO; args: CliArgs; out: Colors; err: Colors; started: number }

/** Stack traces only with --debug. */
function printStack(err: unknown, ctx: Ctx): void {
  if (ctx.args.debug) ctx.io.stderr.write(stackOf(err) + '\n');
}

/** The stderr lines of one file: its error, or (text format) its warnings and, with --explain, infos. */
function diagnosticLines(r: ReportEntry, ctx: Ctx, report: typeof import('./report')): string {
  const { args } = ctx;
  if (r.status === 'error') return report.formatErrorLine(r, ctx.err) + '\n';
  if (args.quiet || args.format !== 'text') return '';
  return report.formatMessageLines(r, args.explain, ctx.err).map((l) => l + '\n').join('');
}

/**
 * --verify: builds and runs the original and the rewrite with Docker. A rewrite that fails (or cannot be
 * verified) becomes an error, so --write leaves that file alone. Returns the result and the line to
 * print for it ('' when there is none), so a batch can verify several files at once and still print
 * in order. Flags win over the config's `verify` settings.
 */
async function verifyChanged(
  r: FileResult, contextDir: string, ctx: Ctx, settings: import('./verify-settings').VerifySettings = {},
): Promise<{ r: FileResult; line: string }> {
  const { args } = ctx;
  if (!args.verify || r.status !== 'changed') return { r, line: '' };
  const verify = require('./verify') as typeof import('./verify');
  const wait = args.verifyWait ?? settings.wait;
  const v = await verify.verifyRewrite({
    contextDir, originalDockerfile: r.original, rewrittenDockerfile: r.output,
    network: args.verifyNetwork, entrypoint: args.verifyCmd, runArgs: args.verifyArgs,
    waitMs: wait === undefined ? undefined : Math.round(wait * 1000),
    http: args.verifyHttp ?? settings.http, sidecar: args.verifySidecar ?? settings.sidecar,
    docker: ctx.io.env.STAGEIFY_DOCKER || undefined,
  });
  const line = verify.formatVerifyLine(v);
  if (!v.ok) return { r: failed(r, 'verify/failed', v.setupError ? line : `verification failed: ${line}`), line: '' };
  if (args.quiet) return { r, line: '' };
  return { r, line: `${(require('./report') as typeof import('./report')).terminalSafe(r.path)}: verified: ${line}\n` };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Bytes that are not valid UTF-8 are taken as latin1, like the engine does for files. */
function decode(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

// ---------------------------------------------------------------------------------------------
// Config and custom transforms: loaded and checked before any file is planned.

type AnyTransform = import('./engine').Transform<any>;

interface Setup {
  cfg: typeof import('./config');
  config: import('./config').Config | null;
  extraTransforms: AnyTransform[];
  /** Flags: they win over the config. `context` is absolute. */
  flags: import('./config').FileSettings;
  /** --onbuild-from, paths absolute. */
  onbuildFrom: Record<string, string>;
  /** The batch's onbuild bases (declared, config, flags), set once the declarations are read. */
  repoBase?: import('./onbuild-base').RepoBaseLookup;
}

function loadSetup(ctx: Ctx): Setup {
  const { io, args } = ctx;
  const flags = { runtime: args.runtime, user: args.user, buildkit: args.buildkit, context: args.context === undefined ? undefined : path.resolve(io.cwd, args.context) };
  const cfg = require('./config') as typeof import('./config');
  try {
    const config = cfg.loadConfig({ cwd: io.cwd, configFile: args.config, noConfig: args.noConfig });
    const extra: AnyTransform[] = [];
    const seen = new Map<string, string>();
    const add = (spec: string, from: string, label: string) => {
      const t = cfg.loadTransformModule(spec, from, label) as unknown as AnyTransform;
      const file = path.resolve(from, spec);
      if (extra.includes(t)) return;
      const other = seen.get(t.id);
      if (other !== undefined) throw new cfg.ConfigError(`${label}: two custom transforms have the id "${t.id}" (${other} and ${file})`);
      seen.set(t.id, file);
      extra.push(t);
    };
    args.transform.forEach((spec) => add(spec, io.cwd, `--transform ${spec}`));
    config?.transformModules.forEach((file, i) =>
      add(file, config.dir, `config ${path.relative(io.cwd, config.filepath) || config.filepath}: transformModules[${i}]`));
    if (config && hasTransformLists(config)) {
      const { TRANSFORMS } = require('./engine') as typeof import('./engine');
      cfg.checkTransformIds(config, new Set([...extra.map((t) => t.id), ...TRANSFORMS.map((t) => t.id)]), io.cwd);
    }
    const onbuildFrom: Record<string, string> = {};
    for (const [image, file] of Object.entries(args.onbuildFrom)) onbuildFrom[image] = path.resolve(io.cwd, file);
    return { cfg, config, extraTransforms: extra, flags, onbuildFrom };
  } catch (err) {
    if (err instanceof cfg.ConfigError) throw new CliError(err.message);
    throw err;
  }
}

function hasTransformLists(config: import('./config').Config): boolean {
  return config.base.transforms !== undefined || config.overrides.some((o) => o.transforms !== undefined);
}

/** Options for one Dockerfile: defaults < config < matching overrides < flags. */
function optionsFor(setup: Setup, absFile: string | null) {
  const { cfg } = setup;
  const fromConfig = absFile ? cfg.settingsFor(setup.config, absFile) : { ...(setup.config?.base ?? {}) };
  const s = cfg.mergeFlags(fromConfig, setup.flags);
  // A transform named by path is always on, even when the config lists the ids to use.
  const transforms = s.transforms && setup.extraTransforms.length
    ? [...setup.extraTransforms.map((t) => t.id), ...s.transforms] : s.transforms;
  return {
    runtime: s.runtime, user: s.user, registryMirror: s.registryMirror, transforms, context: s.context, buildkit: s.buildkit,
    contextSource: undefined as import('./types').PlanOptions['contextSource'],
    buildArgs: undefined as Record<string, string | null> | undefined,
    target: undefined as string | undefined,
    repoBase: setup.repoBase,
    extraTransforms: setup.extraTransforms,
    /** The config's --verify settings for this file. */
    verify: s.verify,
    /** What the reader thread read of this file, set just before it is planned. */
    ahead: null as import('./read-ahead').Ahead | null,
  };
}

// ---------------------------------------------------------------------------------------------
// The views of a batch, streamed file by file: nothing but the slim entries JSON and Markdown need
// is kept once a file is done.

interface Sink { write(chunk: string | Uint8Array): void; close(): void }

function openFileSink(ctx: Ctx, file: string): Sink {
  let fd: number;
  try {
    fd = fs.openSync(path.resolve(ctx.io.cwd, file), 'w');
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${describeError(err)}`);
  }
  return {
    write(chunk) {
      try { fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk); } catch (err) {
        throw new CliError(`cannot write ${file}: ${describeError(err)}`);
      }
    },
    close() { try { fs.closeSync(fd); } catch { /* already closed */ } },
  };
}

const stdoutSink = (ctx: Ctx): Sink => ({ write: (chunk) => { if (chunk.length) ctx.io.stdout.write(chunk); }, close() {} });

interface Views {
  /** One planned file, in output order. */
  file(r: FileResult): void;
  /** After the last file: the JSON / Markdown report, the buffered stdout patch; closes files. */
  end(): void;
  /** Closes files on an error. */
  abort(): void;
}

/**
 * `textView`: what the text format prints instead of diffs — '' after --write, the rewritten file for
 * stdin — or undefined for the diffs.
 */
function openViews(ctx: Ctx, report: typeof import('./report'), textView?: (r: FileResult) => string | Buffer): Views {
  const { args } = ctx;
  const sinks: Sink[] = [];
  const open = (file: string) => { const s = openFileSink(ctx, file); sinks.push(s); return s; };
  const closeAll = () => sinks.forEach((s) => s.close());
  try {
    const body = args.output && args.output !== '-' ? open(args.output) : stdoutSink(ctx);
    const patch = args.patchFile && args.patchFile !== '-' ? open(args.patchFile) : undefined;
    const patchToStdout: Buffer[] = [];
    const keep = !args.listDifferent && (args.format === 'json' || args.format === 'markdown');
    const entries: ReportEntry[] = [];
    const colors = args.output ? plain : ctx.out;
    const patchModule = args.patchFile ? require('./patch') as typeof import('./patch') : undefined;
    return {
      file(r) {
        if (args.listDifferent) { if (r.status === 'changed') body.write(r.path + '\n'); }
        // A diff is in the file's own encoding, like --patch-file, so a latin1 file's diff applies to its bytes.
        else if (args.format === 'text') body.write(textView ? textView(r) : Buffer.from(report.formatTextFile(r, colors), r.encoding));
        else if (args.format === 'github') body.write(report.formatGithubFile(r, args.explain));
        if (keep) entries.push(report.toEntry(r, args.format === 'markdown'));
        if (patchModule) {
          const bytes = patchModule.combinedPatch([r]);
          if (patch) patch.write(bytes);
          else if (bytes.length) patchToStdout.push(bytes);
        }
      },
      end() {
        try {
          if (keep) body.write(report.renderReport(args.format, entries, { explain: args.explain, colors }));
          if (patchToStdout.length) ctx.io.stdout.write(Buffer.concat(patchToStdout));
        } finally {
          closeAll();
        }
      },
      abort: closeAll,
    };
  } catch (err) {
    closeAll();
    throw err;
  }
}

async function runStdin(ctx: Ctx): Promise<number> {
  const { io, args } = ctx;
  const setup = loadSetup(ctx);
  const engine = require('./index') as typeof import('./index');
  const report = require('./report') as typeof import('./report');
  const { text, encoding } = decode(await readAll(io.stdin));
  const name = args.stdinFilepath ?? '-';
  const opts = optionsFor(setup, args.stdinFilepath ? path.resolve(io.cwd, args.stdinFilepath) : null);
  const context = opts.context ?? (args.stdinFilepath ? path.dirname(path.resolve(io.cwd, args.stdinFilepath)) : undefined);
  if (args.verify && !context) throw new UsageError('--verify with stdin needs --stdin-filepath or --context');
  let result: FileResult;
  try {
    const { namedOnbuildBases } = require('./context-resolve') as typeof import('./context-resolve');
    const bases = namedOnbuildBases(setup.config?.onbuildFrom, setup.onbuildFrom);
    result = { ...engine.transformDockerfile(text, { ...opts, path: name, context, onbuildBases: bases }), path: name, encoding };
    if (context) {
      const source = setup.flags.context !== undefined ? 'flag' : opts.context !== undefined ? 'config' : 'default';
      result.context = { path: shownContext(context, io.cwd), source };
    }
  } catch (err) {
    printStack(err, ctx);
    result = errorResult(name, 'internal/error', describeError(err));
  }
  if (context) {
    const v = await verifyChanged(result, context, ctx, opts.verify);
    result = v.r;
    if (v.line) io.stderr.write(v.line);
  }
  // Text view of stdin mode: the new Dockerfile itself, in the input's encoding.
  const views = openViews(ctx, report, (r) => (r.status === 'error' ? '' : Buffer.from(r.output, encoding)));
  views.file(result);
  views.end();
  io.stderr.write(diagnosticLines(result, ctx, report));
  if (result.status === 'error') return EXIT.error;
  return args.check && result.status === 'changed' ? EXIT.changes : EXIT.ok;
}

async function runFiles(ctx: Ctx): Promise<number> {
  const { io, args } = ctx;
  const setup = loadSetup(ctx);
  const { comparePaths, discover } = require('./discover') as typeof import('./discover');
  const engine = require('./index') as typeof import('./index');
  const report = require('./report') as typeof import('./report');
  const { createProgress } = require('./progress') as typeof import('./progress');
  const { writeResult } = require('./write') as typeof import('./write');

  // Compose and bake files above the working folder are parsed on another thread meanwhile.
  const prefetch = (require('./build-declarations/prefetch') as typeof import('./build-declarations/prefetch')).prefetchDeclarations(io.cwd);
  const found = discover(args.paths, io.cwd);
  // Discovery errors and files in one deterministic order (stable: an error before a file of the same path).
  type Item = { path: string; error?: (typeof found.errors)[number] };
  const items: Item[] = [...found.errors.map((e) => ({ path: e.path, error: e })), ...found.files.map((f) => ({ path: f }))];
  if (found.errors.length) items.sort((a, b) => comparePaths(a.path, b.path));

  const summary = report.emptySummary();
  const progress = createProgress({ stream: io.stderr as never, total: items.length, enabled: !args.quiet && args.format === 'text' });
  // Text view: the diffs, or nothing once --write applied them.
  const views = openViews(ctx, report, args.write ? () => '' : undefined);
  // Each file's options up front: the reader thread needs every file's context folder. It starts
  // with the flag's, the config's or the Dockerfile's own, and reads while the compose and bake
  // files are read here; a file whose declared context is another folder reads its context itself.
  const plans = items.map((item) => {
    if (item.error) return null;
    const abs = path.resolve(io.cwd, item.path);
    const options = optionsFor(setup, abs);
    const contextDir = options.context ?? path.dirname(abs);
    return { abs, options, contextDir, aheadDir: contextDir, choices: null as import('./context-resolve').ContextChoice[] | null };
  });
  const ahead = startReadAhead(plans, setup, engine.MAX_FILE_BYTES, io.env);
  // The repository's compose and bake files: where each Dockerfile is built from, and its bases.
  const resolve = require('./context-resolve') as typeof import('./context-resolve');
  const declaredAt = performance.now();
  const parsed = prefetch?.take() ?? null;
  const tookAt = performance.now();
  const declarations = found.files.length
    ? (require('./build-declarations') as typeof import('./build-declarations')).loadDeclarations(found.files.map((f) => path.resolve(io.cwd, f)), io.cwd, parsed)
    : null;
  const loadedAt = performance.now();
  setup.repoBase = (require('./repo-bases') as typeof import('./repo-bases')).repoBaseLookup(
    resolve.namedOnbuildBases(setup.config?.onbuildFrom, setup.onbuildFrom), declarations?.byImage);
  for (const plan of plans) {
    if (!plan) continue;
    const { abs, options } = plan;
    options.repoBase = setup.repoBase;
    const choices = resolve.declaredContexts(abs, {
      flag: setup.flags.context, config: setup.flags.context === undefined ? options.context : undefined, declarations, cwd: io.cwd,
    });
    if (!choices) continue;
    if (choices.length === 1) useChoice(options, choices[0]);
    else plan.choices = choices;
    plan.contextDir = choices[0].path;
  }
  if (args.debug && declarations) {
    const ms = (a: number, b: number) => Math.round(b - a);
    io.stderr.write(`stageify: read ${declarations.files.length} compose/bake files, ${declarations.byDockerfile.size} Dockerfiles declared, ` +
      `in ${ms(declaredAt, performance.now())} ms (waited ${ms(declaredAt, tookAt)} ms for the parse thread, ${ms(tookAt, loadedAt)} ms to read, ${ms(loadedAt, performance.now())} ms to resolve)\n`);
  }
  try {
    let done = 0;
    let job = 0;
    let readAhead = 0;
    let parsedAhead = 0;
    // A file's end, in batch order: its --verify line, the write, its views, its count and lines.
    const finish = (r: FileResult, abs: string | null, verified: string) => {
      if (verified) progress.write(verified);
      if (abs && args.write && r.status === 'changed') {
        const outcome = writeResult(r, abs);
        if (!outcome.written && outcome.error) r = failed(r, outcome.error.id, outcome.error.message);
      }
      // The context as the reports show it: relative to the working folder.
      if (r.context) r.context = { ...r.context, path: shownContext(r.context.path, io.cwd) };
      views.file(r);
      report.countFile(summary, r.status);
      const diag = diagnosticLines(r, ctx, report);
      if (diag) progress.write(diag);
      progress.tick(++done);
    };
    // --verify: as many files at once as there are cores (Docker does the work); each is finished
    // once every file before it is.
    type Verified = { r: FileResult; abs: string | null; line: string };
    const { OrderedWindow } = require('./ordered-window') as typeof import('./ordered-window');
    const verifying = args.verify
      ? new OrderedWindow<Verified>((require('os') as typeof import('os')).availableParallelism(), (v) => finish(v.r, v.abs, v.line))
      : null;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const plan = plans[k];
      let r: FileResult;
      if (!plan) r = errorResult(item.path, item.error!.id, item.error!.message);
      else {
        const { abs, options } = plan;
        try {
          let early = ahead?.take(job++) ?? null;
          // Context files read ahead for another folder than the one the file is planned against.
          if (early && plan.aheadDir !== plan.contextDir) early = { ...early, context: [] };
          if (early) {
            readAhead++;
            if (early.dockerfile.parsed) parsedAhead++;
          }
          // The file's own options object: set in place (a spread copy with one more key is slow in V8).
          options.ahead = early;
          r = plan.choices ? planEach(engine, abs, options, plan.choices) : engine.planFile(abs, options);
          r.path = item.path;
          const unread = resolve.problemsFor(abs, declarations);
          if (unread.length && r.context && r.context.source !== 'compose' && r.context.source !== 'bake') {
            r.messages = [...r.messages, ...unread.map((p) => msg('context/declarations-unreadable', {
              file: resolve.shownPath(p.file, io.cwd), line: p.line ? `:${p.line}` : '', reason: p.reason, source: r.context!.source,
            }))];
          }
        } catch (err) {
          // planFile should not throw; if it does, this file fails and the batch goes on.
          printStack(err, ctx);
          r = errorResult(item.path, 'input/unreadable', describeError(err));
        } finally {
          // Cleared at once, not only with the plan below: the options object is old by now, and its
          // slot would keep the file's texts alive through young collections until a full one
          // (measured: about 15 MB more peak RSS over 10,000 services).
          options.ahead = null;
        }
      }
      // Nothing of a file done is kept.
      plans[k] = null;
      const abs = plan ? plan.abs : null;
      if (!verifying) finish(r, abs, '');
      else if (plan && r.status === 'changed') {
        await verifying.push(verifyChanged(r, r.context?.path ?? plan.contextDir, ctx, plan.options.verify).then((v): Verified => ({ ...v, abs })));
      } else await verifying.push({ r, abs, line: '' });
    }
    await verifying?.drain();
    if (ahead && args.debug) progress.write(`stageify: read ahead ${readAhead} of ${job} files, ${parsedAhead} parsed\n`);
  } catch (err) {
    progress.clear();
    views.abort();
    throw err;
  } finally {
    ahead?.stop();
  }
  progress.clear();
  views.end();
  if (!args.quiet) {
    io.stderr.write(report.formatSummaryLine(summary, performance.now() - ctx.started, ctx.err) + '\n');
  }
  if (summary.errors) return EXIT.error;
  return args.check && summary.changed ? EXIT.changes : EXIT.ok;
}

/** A declared context for one file's options (set in place). */
function useChoice(options: ReturnType<typeof optionsFor>, c: import('./context-resolve').ContextChoice): void {
  options.context = c.path;
  options.contextSource = c.detail === undefined ? { source: c.source } : { source: c.source, detail: c.detail };
  options.buildArgs = c.buildArgs;
  options.target = c.target;
}

/**
 * A Dockerfile built by several declarations in different ways: planned once for each. The same
 * plan for all → that plan; different plans → the file is left alone, saying which builds differ.
 */
function planEach(
  engine: typeof import('./index'), abs: string, options: ReturnType<typeof optionsFor>, choices: import('./context-resolve').ContextChoice[],
): FileResult {
  const results: FileResult[] = [];
  for (const c of choices) {
    useChoice(options, c);
    results.push(engine.planFile(abs, options));
    // What was read ahead belongs to the first choice's context only.
    options.ahead = null;
  }
  const first = results[0];
  const details = choices.map((c) => c.detail ?? c.path).join('; ');
  const same = results.every((r) => r.status === first.status && r.output === first.output);
  if (same) {
    if (first.context) first.context = { ...first.context, detail: details };
    return first;
  }
  return {
    ...first, status: 'skipped', output: first.original, edits: [], baseAfter: undefined,
    messages: [msg('context/declarations-differ', { count: String(choices.length), builds: details })],
  };
}

/** A context folder for reports: relative to the working folder when below it. */
function shownContext(p: string, cwd: string): string {
  return (require('./context-resolve') as typeof import('./context-resolve')).shownPath(p, cwd);
}

/**
 * The reader thread for a batch (see read-ahead.ts): it reads each Dockerfile and the context files
 * the enabled transforms name, and parses each Dockerfile. STAGEIFY_READ_AHEAD=0 turns it off,
 * STAGEIFY_READ_AHEAD=read keeps it from parsing (to compare, or to debug).
 */
function startReadAhead(
  plans: ({ abs: string; contextDir: string } | null)[], setup: Setup, maxBytes: number, env: CliIO['env'],
): import('./read-ahead').ReadAhead | null {
  if (env.STAGEIFY_READ_AHEAD === '0') return null;
  const { peekListing } = require('./dir-listing') as typeof import('./dir-listing');
  const jobs: import('./read-ahead').ReadAheadJob[] = [];
  for (const p of plans) {
    if (!p) continue;
    // The context folder's listing from discovery, so the reader does not list it again.
    const listed = peekListing(p.contextDir);
    jobs.push(listed ? [p.abs, p.contextDir, listed.filter((e) => e.isFile()).map((e) => e.name)] : [p.abs, p.contextDir]);
  }
  const ra = require('./read-ahead') as typeof import('./read-ahead');
  if (jobs.length < ra.READ_AHEAD_MIN_JOBS) return null;
  const { TRANSFORMS } = require('./engine') as typeof import('./engine');
  const names = new Set<string>();
  const suffixes = new Set<string>();
  for (const t of [...setup.extraTransforms, ...TRANSFORMS]) {
    t.readsAhead?.names?.forEach((n) => names.add(n));
    t.readsAhead?.suffixes?.forEach((x) => suffixes.add(x));
  }
  return ra.startReadAhead(jobs, { names, suffixes, dockerfileMax: maxBytes, parse: env.STAGEIFY_READ_AHEAD !== 'read' });
}

function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Runs the CLI and returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const started = performance.now();
  // Fast path: no yargs, no engine.
  if (argv.length === 1 && argv[0] === '--version') {
    io.stdout.write(readVersion() + '\n');
    return EXIT.ok;
  }
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    const msg = describeError(err).replace(/\s*\n\s*/g, ' ');
    io.stderr.write(`stageify: error: ${msg} (see stageify --help)\n`);
    return EXIT.error;
  }
  if (parsed.kind === 'output') {
    io.stdout.write(parsed.text);
    return EXIT.ok;
  }
  const { args } = parsed;
  const ctx: Ctx = {
    io, args, started,
    out: makeColors(shouldColor({ flag: args.color, env: io.env, isTTY: !!io.stdout.isTTY })),
    err: makeColors(shouldColor({ flag: args.color, env: io.env, isTTY: !!io.stderr.isTTY })),
  };
  try {
    return await (args.stdin ? runStdin(ctx) : runFiles(ctx));
  } catch (err) {
    if (args.debug) io.stderr.write(stackOf(err) + '\n');
    else if (err instanceof CliError) io.stderr.write(`stageify: error: ${err.message}\n`);
    else io.stderr.write(`stageify: internal error: ${describeError(err)} (run with --debug for details)\n`);
    return EXIT.error;
  }
}
