// Network tools that HEALTHCHECK and start commands call (curl, wget, nc): how the runtime gets
// them. Busybox's applets serve only where the command means the same with them (the same flags,
// the same exit status on an HTTP error); otherwise the runtime installs the package the way the
// builder's distribution does.
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { flagValue } from '../../src/dockerfile';
import { scanShell } from '../../src/shell-words';
import type { ProgramUse } from './commands';
import { execText } from './commands';

export type DistroFamily = 'debian' | 'alpine';

/** Tools a HEALTHCHECK or start command may call, and their package in each family. */
export const TOOL_PACKAGES: Record<string, Record<DistroFamily, string>> = {
  curl: { debian: 'curl', alpine: 'curl' },
  wget: { debian: 'wget', alpine: 'wget' },
  nc: { debian: 'netcat-openbsd', alpine: 'netcat-openbsd' },
};

export function isNetworkTool(program: string): boolean {
  return Object.prototype.hasOwnProperty.call(TOOL_PACKAGES, posix.basename(program));
}

/** The package-manager line that installs packages in a runtime of the family, cleaned up. */
export function installLine(family: DistroFamily, packages: readonly string[]): string {
  return packageInstallLine(family, [...packages].sort());
}

/** The RUN line that installs packages, in the order given, as the official images' recipes do. */
export function packageInstallLine(family: DistroFamily, packages: readonly string[]): string {
  const list = packages.join(' ');
  return family === 'alpine'
    ? `RUN apk add --no-cache ${list}`
    : `RUN apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`;
}

/** Whether a RUN of the stage installs the package (apt-get/apt/apk). */
export function stageInstalls(body: readonly Instr[], pkg: string): boolean {
  for (const ins of body) {
    if (ins.keyword !== 'RUN') continue;
    for (const m of ins.argsText.matchAll(/\b(?:apt-get|apt|apk)\b[^&;|]*?\b(?:install|add)\b([^&;|]*)/g)) {
      if (m[1].split(/[\s\\]+/).includes(pkg)) return true;
    }
  }
  return false;
}

/** Seconds of a Docker duration (`30s`, `1m30s`, `500ms`), or null. */
export function durationSeconds(text: string): number | null {
  let total = 0;
  let rest = text.trim();
  if (!rest) return null;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/.exec(rest);
    if (!m) return null;
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : m[2] === 'ms' ? n / 1000 : 0;
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** The time Docker gives one health check (HEALTHCHECK --timeout, 30 s by default). */
export function checkTimeoutSeconds(ins: Instr): number | null {
  const t = flagValue(ins, 'timeout');
  if (t === undefined) return 30;
  return t === null ? null : durationSeconds(t);
}

/**
 * A curl call as busybox wget with the same meaning, or null. Accepted: `-f`/`--fail` (required:
 * without it curl succeeds on an HTTP error, wget does not), `-s`, `-S`, `-L`, `-o /dev/null`, and
 * `-m`/`--max-time`/`--connect-timeout` no shorter than the check's own timeout (Docker stops the
 * check first, so the flag never decides); one http:// URL.
 */
export function curlAsWget(args: readonly string[], timeoutSec: number | null): string[] | null {
  let fail = false;
  let out: string | null = null;
  const urls: string[] = [];
  const timeOk = (v: string | undefined) => v !== undefined && /^\d+(\.\d+)?$/.test(v) && timeoutSec !== null && Number(v) >= timeoutSec;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (name === '--fail') fail = true;
      else if (name === '--silent' || name === '--show-error' || name === '--location') continue;
      else if (name === '--max-time' || name === '--connect-timeout') {
        if (!timeOk(inline ?? args[++k])) return null;
      } else if (name === '--output') {
        out = inline ?? args[++k] ?? null;
        if (out !== '/dev/null') return null;
      } else return null;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let c = 1; c < a.length; c++) {
        const f = a[c];
        if (f === 'f') fail = true;
        else if (f === 's' || f === 'S' || f === 'L') continue;
        else if (f === 'o' || f === 'm') {
          const v = c + 1 < a.length ? a.slice(c + 1) : args[++k];
          if (f === 'o' && v !== '/dev/null') return null;
          if (f === 'o') out = v;
          if (f === 'm' && !timeOk(v)) return null;
          break;
        } else return null;
      }
      continue;
    }
    urls.push(a);
  }
  if (!fail || urls.length !== 1 || !/^http:\/\/[^\s'"`$\\]+$/.test(urls[0])) return null;
  return ['wget', '-q', '-O', out ?? '-', urls[0]];
}

/** Whether busybox wget reads these arguments as GNU wget does (its own, smaller set of flags). */
export function busyboxWgetAccepts(args: readonly string[]): boolean {
  const valued = new Set(['O', 'o', 'P', 'U', 'Y']);
  const longs = new Set(['--spider', '--quiet', '--no-check-certificate']);
  const longValued = new Set(['--output-document', '--header', '--user-agent', '--post-data']);
  let urls = 0;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith('--')) {
      const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      if (longs.has(name) && !a.includes('=')) continue;
      if (longValued.has(name)) {
        if (!a.includes('=')) k++;
        continue;
      }
      return false;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let c = 1; c < a.length; c++) {
        const f = a[c];
        if (f === 'q' || f === 'S' || f === 'c') continue;
        if (valued.has(f)) {
          if (c + 1 === a.length) k++;
          break;
        }
        return false;
      }
      continue;
    }
    if (!/^https?:\/\//.test(a) && !a.includes('$')) return false;
    urls++;
  }
  return urls > 0;
}

/** Whether busybox nc reads these arguments as a full netcat does (no -z, -v, -u …). */
export function busyboxNcAccepts(args: readonly string[]): boolean {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-w') {
      k++;
      continue;
    }
    if (/^-w\d+$/.test(a)) continue;
    if (a.startsWith('-')) return false;
  }
  return args.filter((a) => !a.startsWith('-')).length >= 2;
}

export interface ToolCall {
  use: ProgramUse;
  tool: 'curl' | 'wget' | 'nc';
  args: string[];
  /** Offsets in the file of the call's words (shell form), or null (exec form: the whole argv). */
  span: { start: number; end: number } | null;
}

/** The calls of curl, wget and nc in the commands, with their arguments as the shell reads them. */
export function toolCalls(uses: readonly ProgramUse[], escape: string): ToolCall[] | null {
  const out: ToolCall[] = [];
  for (const use of uses) {
    const form = use.spec.form;
    if (form.exec) {
      const name = posix.basename(form.exec[0] ?? '');
      if (isNetworkTool(name) && !form.exec[0].startsWith('/')) out.push({ use, tool: name as ToolCall['tool'], args: form.exec.slice(1), span: null });
      else if (use.analysis.programs.some((p) => isNetworkTool(p))) return null; // inside `sh -c "…"`
      continue;
    }
    const scan = scanShell(form.shell ?? '', use.spec.cmdStart, escape);
    for (const cmd of scan.commands) {
      let words = cmd.words;
      if (words[0]?.value === 'exec') words = words.slice(1);
      const name = words[0]?.value ?? '';
      if (!isNetworkTool(name) || name.includes('/')) continue;
      // An argument the shell expands cannot be judged.
      if (words.some((w) => w.expansion)) return null;
      out.push({ use, tool: name as ToolCall['tool'], args: words.slice(1).map((w) => w.value), span: { start: words[0].start, end: words[words.length - 1].end } });
    }
  }
  return out;
}

/** A call's replacement with busybox, as text for the command, or null when the meaning would change. */
export function busyboxReplacement(call: ToolCall, timeoutSec: number | null): string[] | null {
  if (call.tool === 'wget') return busyboxWgetAccepts(call.args) ? ['wget', ...call.args] : null;
  if (call.tool === 'nc') return busyboxNcAccepts(call.args) ? ['nc', ...call.args] : null;
  return curlAsWget(call.args, timeoutSec);
}

/** The words of an argv as shell text (quoted only where needed). */
export function shellText(argv: readonly string[]): string {
  return argv.map((s) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * The instruction's text with each call replaced (calls of one instruction, in order). `text` is
 * the file text; the exec form gets a new argv.
 */
export function rewriteCalls(text: string, ins: Instr, cmdStart: number, calls: readonly { call: ToolCall; argv: string[] }[]): string {
  const first = calls[0];
  if (!first.call.span) return text.slice(ins.start, cmdStart) + execText(first.argv);
  let out = '';
  let at = ins.start;
  for (const { call, argv } of [...calls].sort((a, b) => (a.call.span?.start ?? 0) - (b.call.span?.start ?? 0))) {
    const span = call.span as { start: number; end: number };
    out += text.slice(at, span.start) + shellText(argv);
    at = span.end;
  }
  return out + text.slice(at, ins.end);
}

/** Approximate installed size (MB) each package adds, with what it depends on (no recommends). */
const PACKAGE_MB: Record<string, Record<DistroFamily, number>> = {
  curl: { debian: 6, alpine: 3 },
  wget: { debian: 3, alpine: 1 },
  'netcat-openbsd': { debian: 1, alpine: 1 },
};

export function packagesMb(family: DistroFamily, packages: readonly string[]): number {
  return packages.reduce((n, p) => n + (PACKAGE_MB[p]?.[family] ?? 1), 0);
}

/** Tools the official builder images carry without a RUN: GNU curl and wget (Debian tags), busybox wget and nc (alpine). */
const IMAGE_TOOLS: Record<DistroFamily, ReadonlySet<string>> = {
  debian: new Set(['curl', 'wget']),
  alpine: new Set(['wget', 'nc']),
};

/** Package names that bring each tool in a builder's RUN. */
const INSTALLED_AS: Record<string, readonly string[]> = {
  curl: ['curl'],
  wget: ['wget'],
  nc: ['netcat-openbsd', 'netcat-traditional', 'netcat', 'ncat', 'nmap-ncat'],
};

export type ToolPlan =
  | { kind: 'none' }
  /** Busybox runs every call; `rewrites` are the calls given a busybox form (curl → wget). */
  | { kind: 'busybox'; overrides: Map<Instr, string>; rewrites: { call: ToolCall; argv: string[] }[] }
  /** The runtime installs the packages, in a base of the family. */
  | { kind: 'packages'; family: DistroFamily; packages: string[]; tools: string[]; first: ProgramUse; why: string }
  | { kind: 'missing'; use: ProgramUse; tool: string }
  /** The runtime the user chose cannot get the tool. */
  | { kind: 'refused'; use: ProgramUse; tool: string };

/**
 * How the runtime gets the tools the commands call.
 * @param family the builder's distribution family
 * @param runtime the --runtime option (a preset or an image), if given
 */
export function planTools(uses: readonly ProgramUse[], text: string, escape: string, body: readonly Instr[], family: DistroFamily, runtime: string | undefined): ToolPlan {
  const named = uses.flatMap((u) => u.analysis.programs.filter((p) => isNetworkTool(p) && !p.includes('/')).map((p) => ({ use: u, tool: posix.basename(p) })));
  if (!named.length) return { kind: 'none' };
  for (const n of named) {
    const installs = (INSTALLED_AS[n.tool] ?? []).some((p) => stageInstalls(body, p));
    if (!IMAGE_TOOLS[family].has(n.tool) && !installs) return { kind: 'missing', use: n.use, tool: n.tool };
  }
  const calls = toolCalls(uses, escape);
  const busyboxOk = runtime === undefined || runtime === 'distroless' || runtime === 'alpine';
  if (calls && busyboxOk) {
    const rewrites: { call: ToolCall; argv: string[] }[] = [];
    let all = true;
    for (const c of calls) {
      const argv = busyboxReplacement(c, c.use.spec.keyword === 'HEALTHCHECK' ? checkTimeoutSeconds(c.use.spec.ins) : null);
      if (!argv) {
        all = false;
        break;
      }
      if (c.tool === 'curl') rewrites.push({ call: c, argv });
    }
    if (all) {
      const overrides = new Map<Instr, string>();
      for (const ins of new Set(rewrites.map((r) => r.call.use.spec.ins))) {
        const mine = rewrites.filter((r) => r.call.use.spec.ins === ins);
        overrides.set(ins, rewriteCalls(text, ins, mine[0].call.use.spec.cmdStart, mine));
      }
      return { kind: 'busybox', overrides, rewrites };
    }
  }
  const chosen: DistroFamily | null = runtime === undefined ? family : runtime === 'debian' || runtime === 'alpine' ? runtime : null;
  if (!chosen) return { kind: 'refused', use: named[0].use, tool: named[0].tool };
  // Alpine's own busybox wget and nc are the builder's; anything the builder installed is installed again.
  const packages = [...new Set(named.filter((n) => chosen === 'debian' || n.tool === 'curl' || (INSTALLED_AS[n.tool] ?? []).some((p) => stageInstalls(body, p))).map((n) => TOOL_PACKAGES[n.tool][chosen]))];
  const why = calls === null
    ? 'its arguments are expanded by a shell, so busybox cannot be judged to mean the same'
    : named.some((n) => n.tool === 'curl')
      ? 'busybox wget cannot make this call with the same meaning (it needs curl -f, one http:// URL and no timeout shorter than the check\'s)'
      : 'busybox takes fewer flags than the tool the builder has';
  return { kind: 'packages', family: chosen, packages, tools: [...new Set(named.map((n) => n.tool))], first: named[0].use, why };
}
