// The command line: argument parsing, help, version, and mapping results to exit codes.
// Heavy modules (yargs, the engine) are required lazily so `stageify --version` stays fast.
import * as fs from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { makeColors, plain, shouldColor } from './color';
import type { Colors } from './color';
import { msg } from './messages';
import type { MessageId } from './messages';
import type { ReportFormat } from './report';
import type { FileResult, Message, UserPolicy } from './types';

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
    .option('user', { type: 'string', choices: ['nonroot', 'root'], describe: 'Runtime user where the original ran as root implicitly' })
    .option('explain', { type: 'boolean', default: false, describe: 'List every message with its id and reason' })
    .option('color', { type: 'boolean', describe: 'Force color on (--color) or off (--no-color); default: only on a TTY' })
    .option('stdin-filepath', { type: 'string', describe: 'Path of the Dockerfile read from stdin (for messages and context)' })
    .option('verify', { type: 'boolean', default: false, describe: 'Build and run the original and rewritten images with Docker' })
    .option('verify-network', { type: 'string', describe: 'Docker network for --verify builds and runs (default: none)' })
    .option('verify-cmd', { type: 'string', describe: 'Entrypoint to run in both images for --verify' })
    .option('verify-args', { type: 'string', describe: 'Arguments after the image name in the --verify runs, e.g. --verify-args="--version"' })
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
    explain: raw.explain as boolean,
    color: raw.color as boolean | undefined,
    stdinFilepath: raw.stdinFilepath as string | undefined,
    debug: raw.debug as boolean,
    quiet: raw.quiet as boolean,
    verify: raw.verify as boolean,
    verifyNetwork: raw.verifyNetwork as string | undefined,
    verifyCmd: raw.verifyCmd as string | undefined,
    verifyArgs: parseVerifyArgs(raw.verifyArgs as string | undefined),
  };
  // Checked here: yargs' conflicts() counts defaulted booleans as given.
  if (args.write && args.check) throw new UsageError('--write and --check cannot be combined');
  if (stdin && args.paths.length) throw new UsageError('`-` (stdin) cannot be combined with other paths');
  if (stdin && args.write) throw new UsageError('--write cannot be used with stdin');
  if (args.listDifferent && args.format !== 'text') throw new UsageError('--list-different cannot be combined with --format ' + args.format);
  if (!args.verify && (args.verifyNetwork || args.verifyCmd || args.verifyArgs)) {
    throw new UsageError('--verify-network, --verify-cmd and --verify-args need --verify');
  }
  return { kind: 'args', args };
}

function parseVerifyArgs(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const { toArgv } = require('./shell-words') as typeof import('./shell-words');
  const argv = toArgv(text);
  if (!argv) throw new UsageError('--verify-args must be plain words (no shell syntax)');
  return argv;
}

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

function printDiagnostics(results: readonly FileResult[], ctx: Ctx, report: typeof import('./report')): void {
  const { io, args } = ctx;
  for (const r of results) {
    if (r.status === 'error') io.stderr.write(report.formatErrorLine(r, ctx.err) + '\n');
    else if (!args.quiet && args.format === 'text') {
      for (const line of report.formatMessageLines(r, args.explain, ctx.err)) io.stderr.write(line + '\n');
    }
  }
}

function exitCode(results: readonly FileResult[], args: CliArgs): number {
  if (results.some((r) => r.status === 'error')) return EXIT.error;
  if (args.check && results.some((r) => r.status === 'changed')) return EXIT.changes;
  return EXIT.ok;
}

/**
 * --verify: builds and runs the original and the rewrite with Docker. A rewrite that fails (or cannot be
 * verified) becomes an error, so --write leaves that file alone.
 */
function verifyChanged(r: FileResult, contextDir: string, ctx: Ctx): FileResult {
  const { args, io } = ctx;
  if (!args.verify || r.status !== 'changed') return r;
  const verify = require('./verify') as typeof import('./verify');
  const v = verify.verifyRewrite({
    contextDir, originalDockerfile: r.original, rewrittenDockerfile: r.output,
    network: args.verifyNetwork, entrypoint: args.verifyCmd, runArgs: args.verifyArgs,
  });
  const line = verify.formatVerifyLine(v);
  if (!v.ok) return failed(r, 'verify/failed', v.setupError ? line : `verification failed: ${line}`);
  if (!args.quiet) io.stderr.write(`${r.path}: verified: ${line}\n`);
  return r;
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

async function runStdin(ctx: Ctx): Promise<number> {
  const { io, args } = ctx;
  const engine = require('./index') as typeof import('./index');
  const report = require('./report') as typeof import('./report');
  const { text, encoding } = decode(await readAll(io.stdin));
  const name = args.stdinFilepath ?? '-';
  const context = args.context ?? (args.stdinFilepath ? path.dirname(path.resolve(io.cwd, args.stdinFilepath)) : undefined);
  if (args.verify && !context) throw new UsageError('--verify with stdin needs --stdin-filepath or --context');
  let result: FileResult;
  try {
    result = { ...engine.transformDockerfile(text, { path: name, context, runtime: args.runtime, user: args.user }), path: name, encoding };
  } catch (err) {
    printStack(err, ctx);
    result = errorResult(name, 'internal/error', describeError(err));
  }
  if (context) result = verifyChanged(result, context, ctx);
  // Text view of stdin mode: the new Dockerfile itself, in the input's encoding.
  const results = [result];
  finish(results, ctx, report, result.status === 'error' ? '' : Buffer.from(result.output, encoding));
  return exitCode(results, args);
}

/**
 * Writes the views of one plan: the report (-l paths, a --format report, or the text view) to stdout or -o,
 * the --patch-file, and the per-file lines on stderr. `textView` replaces the diffs of the text format.
 */
function finish(results: readonly FileResult[], ctx: Ctx, report: typeof import('./report'), textView?: string | Buffer): void {
  const { args } = ctx;
  let body: string | Buffer;
  if (args.listDifferent) body = report.formatList(results);
  else if (args.format === 'text' && textView !== undefined) body = textView;
  else body = report.renderReport(args.format, results, { explain: args.explain, colors: args.output ? plain : ctx.out });
  emit(body, ctx);
  writePatchFile(results, ctx);
  printDiagnostics(results, ctx, report);
}

function writeOutputFile(ctx: Ctx, file: string, data: string | Uint8Array): void {
  try {
    fs.writeFileSync(path.resolve(ctx.io.cwd, file), data);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${describeError(err)}`);
  }
}

function emit(body: string | Buffer, ctx: Ctx): void {
  if (ctx.args.output && ctx.args.output !== '-') writeOutputFile(ctx, ctx.args.output, body);
  else if (body.length) ctx.io.stdout.write(body);
}

function writePatchFile(results: readonly FileResult[], ctx: Ctx): void {
  if (!ctx.args.patchFile) return;
  const patch = require('./patch') as typeof import('./patch');
  const bytes = patch.combinedPatch(results);
  if (ctx.args.patchFile === '-') ctx.io.stdout.write(bytes);
  else writeOutputFile(ctx, ctx.args.patchFile, bytes);
}

async function runFiles(ctx: Ctx): Promise<number> {
  const { io, args } = ctx;
  const { comparePaths, discover } = require('./discover') as typeof import('./discover');
  const engine = require('./index') as typeof import('./index');
  const report = require('./report') as typeof import('./report');
  const { writeResult } = require('./write') as typeof import('./write');

  const found = discover(args.paths, io.cwd);
  const results: FileResult[] = found.errors.map((e) => errorResult(e.path, e.id, e.message));
  const options = { runtime: args.runtime, user: args.user, context: args.context && path.resolve(io.cwd, args.context) };

  for (const rel of found.files) {
    const abs = path.resolve(io.cwd, rel);
    let r: FileResult;
    try {
      r = { ...engine.planFile(abs, options), path: rel };
    } catch (err) {
      // planFile should not throw; if it does, this file fails and the batch goes on.
      printStack(err, ctx);
      r = errorResult(rel, 'input/unreadable', describeError(err));
    }
    r = verifyChanged(r, options.context ?? path.dirname(abs), ctx);
    if (args.write && r.status === 'changed') {
      const outcome = writeResult(r, abs);
      if (!outcome.written && outcome.error) r = failed(r, outcome.error.id, outcome.error.message);
    }
    results.push(r);
  }
  // Discovery errors and files in one deterministic order.
  results.sort((a, b) => comparePaths(a.path, b.path));

  // Text view: the diffs, or nothing once --write applied them.
  finish(results, ctx, report, args.write ? '' : undefined);
  if (!args.quiet) {
    io.stderr.write(report.formatSummaryLine(report.summarize(results), performance.now() - ctx.started, ctx.err) + '\n');
  }
  return exitCode(results, args);
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
