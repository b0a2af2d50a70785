// The .NET transform: the user's SDK stage becomes the builder, and a runtime stage on the
// aspnet (web projects) or runtime image of the same version gets the published application.
import { DOTNET_MESSAGES } from './messages';
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { expandVars } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { analyzeCommand, execText, replaceCommand, runSpecs } from '../shared/commands';
import type { Analysis, RunKeyword, RunSpec } from '../shared/commands';
import { carryInstructions } from '../shared/carry';
import { commandForm, properties } from '../shared/instructions';
import { PRESETS } from '../shared/runtime-bases';
import type { RuntimeBase } from '../shared/runtime-bases';
import { planRuntimeUser } from '../shared/runtime-user';
import { splitEdits, withMirror } from '../shared/split';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip } from '../types';
import { gatherDotnetFacts, versionOfTfm } from './facts';
import type { DotnetFacts, DotnetProject } from './facts';
import { isWindowsSuffix, majorOf, runtimeImage, sdkImageOf } from './images';
import type { SdkImage } from './images';
import { parseDotnetArgs, projectsOf, replayDotnetStage } from './replay';
import type { AppOutput, DotnetReplay } from './replay';

const TOOLCHAIN_ENV = /^(DOTNET_CLI_|DOTNET_SKIP_FIRST_TIME_EXPERIENCE$|DOTNET_NOLOGO$|DOTNET_SDK_|DOTNET_USE_POLLING_FILE_WATCHER$|DOTNET_GENERATE_ASPNET_CERTIFICATE$|NUGET_|MSBUILD|BUILD_CONFIGURATION$|POWERSHELL_)/;
/** What the Debian-based runtime images have besides dotnet (no curl, no wget). */
const DEBIAN_TOOLS = new Set(['sh', 'bash', 'dash', 'cat', 'echo', 'ls', 'test', '[', 'sleep', 'env', 'true', 'false', 'printf', 'grep', 'sed', 'head', 'tail', 'cut', 'tr', 'wc', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'touch', 'kill', 'id', 'whoami', 'hostname', 'date', 'tee', 'awk', 'mawk']);
const ALPINE_EXTRA = new Set(['ash', 'wget', 'nc', 'pgrep', 'ps']);
const DEBIAN_USERS = ['root', 'nobody', 'daemon', 'bin', 'sys', 'www-data'];
/** Where a dotnet run at start-up is published to. */
const RUN_PUBLISH_DIR = '/app/publish';

/** The `app` user of the .NET 8+ images (`APP_UID` in their ENV). */
const APP_UID = '1654:1654';

export const dotnetTransform: Transform<DotnetFacts> = {
  id: 'dotnet',
  messages: DOTNET_MESSAGES,
  matches: (ref) => sdkImageOf(ref) !== null,
  gather: (ctx, input) => gatherDotnetFacts(ctx, input.hasContext),
  plan: (input, facts) => planDotnetSplit(input, facts),
};

interface Use {
  spec: RunSpec;
  analysis: Analysis;
}

/** The application a command starts: the output folder and the assembly (or apphost) in it. */
interface Started {
  output: AppOutput;
  file: string;
}

export function planDotnetSplit(input: TransformInput, facts: DotnetFacts): TransformOutcome {
  const { file, stage, base } = input;
  const sdk = sdkImageOf(base) as SdkImage;
  if (isWindowsSuffix(sdk.suffix)) return skip(msg('dotnet/windows', { image: input.baseRaw }));
  const preset = input.options.runtime;
  if (preset && (PRESETS as readonly string[]).includes(preset) && preset !== 'alpine' && preset !== 'debian') {
    return skip(msg('dotnet/runtime-preset', { preset }));
  }
  const messages: Message[] = [];
  const sdkMajor = majorOf(sdk.version);
  const replay = replayDotnetStage(file, stage, facts, sdkMajor);
  if (replay.unknown.length) {
    const u = replay.unknown[0];
    return skip(msg('dotnet/output-unknown', { command: u.command, line: u.ins.line, reason: u.reason }, u.ins.line));
  }
  if (facts.hasContext && facts.truncated) return skip(msg('context/unavailable', { reason: 'the build context has too many files to list' }));

  const specs = runSpecs(file, stage);
  const entry = specs.ENTRYPOINT ?? specs.CMD;
  if (!entry) return skip(msg('dotnet/no-entrypoint'));
  const overrides = new Map<Instr, string>();
  const builderAppend: string[] = [];
  const lines: string[] = [];
  const outputs = [...replay.outputs];

  // `dotnet run` at start-up: publish in the builder, start the published assembly.
  const run = publishDotnetRun(entry, replay, facts);
  if (run) {
    if ('skip' in run) return skip(run.skip);
    outputs.push(run.output);
    overrides.set(entry.ins, replaceCommand(file, entry, execText(['dotnet', `${run.assembly}.dll`, ...run.programArgs])));
    builderAppend.push(run.build);
    lines.push(`WORKDIR ${RUN_PUBLISH_DIR}`);
    messages.push(msg('dotnet/run-compiled', { dir: RUN_PUBLISH_DIR, dll: `${run.assembly}.dll`, config: run.config }, entry.ins.line));
  }
  const workdir = run ? RUN_PUBLISH_DIR : replay.workdir;

  const uses: Use[] = [];
  for (const k of ['ENTRYPOINT', 'CMD', 'HEALTHCHECK'] as RunKeyword[]) {
    const spec = specs[k];
    if (!spec || (k === 'CMD' && specs.ENTRYPOINT)) continue;
    const form = overrides.has(spec.ins) ? commandForm((overrides.get(spec.ins) as string).slice(spec.cmdStart - spec.ins.start), file.escape) : spec.form;
    uses.push({ spec: { ...spec, form }, analysis: analyzeCommand(form, file.escape) });
  }
  // Exec-form ENTRYPOINT + CMD: the CMD holds the ENTRYPOINT's arguments (the assembly, maybe).
  const entryArgs = specs.ENTRYPOINT?.form.exec && specs.CMD?.form.exec ? specs.CMD.form.exec : [];

  const custom = preset !== undefined && !(PRESETS as readonly string[]).includes(preset);
  const alpine = preset === 'alpine' || /alpine/.test(sdk.suffix);
  const started: Started[] = [];
  for (const u of uses) {
    const words = u.analysis.argv ?? u.spec.form.exec ?? shellWords(u.spec.form.shell ?? '');
    for (const p of u.analysis.programs) {
      if (p === 'dotnet' || p.endsWith('/dotnet')) {
        const at = words.findIndex((w) => w === p);
        const rest = [...words.slice(at + 1), ...(u.spec.keyword === 'ENTRYPOINT' ? entryArgs : [])];
        const app = rest.find((w) => !w.startsWith('-'));
        const hit = app && /\.(dll|exe)$/i.test(app) ? findOutput(posix.resolve(workdir, app), outputs) : null;
        if (hit) {
          started.push(hit);
          continue;
        }
        if (u.spec.keyword === 'HEALTHCHECK') continue;
        return skip(msg('dotnet/entrypoint-unknown', { program: [p, app ?? ''].join(' ').trim() }, u.spec.ins.line));
      }
      if (p.includes('/')) {
        const hit = findOutput(posix.resolve(workdir, p), outputs);
        if (hit) {
          started.push(hit);
          continue;
        }
      }
      const name = posix.basename(p);
      if (!p.includes('/') && (DEBIAN_TOOLS.has(name) || (alpine && ALPINE_EXTRA.has(name)))) continue;
      if (custom) continue;
      if (u.spec.keyword === 'HEALTHCHECK') return skip(msg('runtime/healthcheck-tool', { line: u.spec.ins.line, tool: p }, u.spec.ins.line));
      return skip(msg('dotnet/entrypoint-unknown', { program: p }, u.spec.ins.line));
    }
  }
  if (!started.length) return skip(msg('dotnet/entrypoint-unknown', { program: uses[0]?.analysis.programs[0] ?? '?' }, entry.ins.line));
  const selfContained = started.find((s) => s.output.selfContained);
  if (selfContained) return skip(msg('dotnet/self-contained', { reason: selfContained.output.selfContained as string }, selfContained.output.ins.line));

  // Web or console, and which version: from the project that produced the started assembly.
  const project = projectOf(started[0], facts);
  const candidates = project ? [project] : started[0].output.projects;
  let web = true;
  if (candidates.length) {
    web = candidates.some((p) => p.web);
    const what = project ? `${posix.basename(project.path)} ${web ? `uses ${project.sdk ?? 'ASP.NET Core'}` : 'is not a web project'}` : `the published projects ${web ? 'include a web project' : 'are not web projects'}`;
    messages.push(msg('dotnet/web', { what, kind: web ? 'aspnet (ASP.NET Core)' : 'runtime (console)' }));
  } else messages.push(msg('dotnet/web-unknown', { app: started[0].file }));
  const tfms = [...new Set(candidates.flatMap((p) => p.tfms))];
  const tfm = tfms.length === 1 ? tfms[0] : null;
  let version = sdk.version;
  if (tfm) {
    const v = versionOfTfm(tfm);
    if (!v) return skip(msg('dotnet/not-core', { tfm }));
    if (v !== sdk.version) {
      if (sdk.version) messages.push(msg('dotnet/version-from-tfm', { tfm, version: v, sdk: sdk.version }));
      version = v;
    }
  }
  if (sdk.sdkPatch && version === sdk.version) messages.push(msg('dotnet/sdk-patch', { tag: base.tag ?? '', version: version ?? '' }));
  const rtSdk = preset === 'alpine' && !/alpine/.test(sdk.suffix) ? { ...sdk, suffix: '-alpine' } : preset === 'debian' && /alpine/.test(sdk.suffix) ? { ...sdk, suffix: '' } : sdk;
  let image = custom ? (preset as string) : runtimeImage(rtSdk, version, web);
  if (!custom && input.baseRaw.includes('$')) image = keepVariables(input, image, web);
  const major = majorOf(version);
  const rt: RuntimeBase = {
    image, libc: alpine ? 'musl' : 'glibc', shell: '/bin/sh', preamble: [], hasEntrypoint: false,
    users: custom ? null : new Set([...DEBIAN_USERS, ...(major >= 8 ? ['app', '1654'] : [])]), nonrootByDefault: false,
    hasCerts: true, hasTzdata: true, busybox: alpine, custom,
    why: custom ? 'given by --runtime' : `${web ? 'ASP.NET Core' : '.NET'} runtime ${version ?? '(latest)'}${alpine ? ' on Alpine' : ''}, no SDK`,
  };
  if (custom) messages.push(msg('runtime/custom-image', { image }));
  messages.push(msg('runtime/base', { image: rt.image, why: rt.why }));

  // What the runtime stage gets: the application folders, as they were in the builder.
  const copies: { src: string; dest: string }[] = [];
  for (const s of started) {
    if (copies.some((c) => c.src === s.output.dir)) continue;
    copies.push({ src: s.output.dir, dest: s.output.dir });
    messages.push(msg('dotnet/app', { dir: s.output.dir, line: s.output.ins.line }, s.output.ins.line));
  }

  // The runtime user.
  let owner: string | null = null;
  if (replay.users.length || input.options.user === 'root' || custom) {
    const user = planRuntimeUser(replay.users, rt, input.options.user ?? (custom ? 'root' : 'nonroot'));
    owner = user.owner;
    copies.push(...user.copies);
    lines.push(...user.lines);
    messages.push(...user.messages);
  } else if (major >= 8) {
    lines.push('USER $APP_UID');
    owner = APP_UID;
    messages.push(msg('dotnet/app-uid'));
  } else if (web && input.options.user !== 'nonroot' && !listensAbove1023(replay)) {
    messages.push(msg('dotnet/root-kept'));
  } else {
    const user = planRuntimeUser([], rt, 'nonroot');
    owner = user.owner;
    lines.push(...user.lines);
    messages.push(...user.messages);
  }

  const toolchain = new Set<string>();
  for (const i of stage.body) if (i.keyword === 'ENV') for (const p of properties(i)) if (TOOLCHAIN_ENV.test(p.name)) toolchain.add(p.name);
  const carried = carryInstructions(stage.body, file.text, toolchain, overrides);
  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));

  const edits = splitEdits({
    file, stage, options: input.options, builderName: stage.name ?? input.options.builderName ?? 'builder', afterFrom: [], inlineEdits: [], builderAppend,
    runtime: { base: rt, copies, lines, carried, tail: [], owner }, notes: messages,
  });
  const own = (m: Message) => m.id.startsWith('dotnet/');
  return { kind: 'rewrite', edits, messages: [...messages.filter(own), ...messages.filter((m) => !own(m))], baseAfter: withMirror(image, input.options.registryMirror) };
}

/** Words of a shell command, quotes removed (only to find the assembly argument). */
function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function findOutput(path: string, outputs: readonly AppOutput[]): Started | null {
  for (let k = outputs.length - 1; k >= 0; k--) {
    const o = outputs[k];
    if (path.startsWith(o.dir === '/' ? '/' : o.dir + '/')) return { output: o, file: posix.basename(path) };
  }
  return null;
}

function projectOf(s: Started, facts: DotnetFacts): DotnetProject | null {
  const stem = s.file.replace(/\.(dll|exe)$/i, '');
  const pool = s.output.projects.length ? s.output.projects : facts.projects;
  const hits = pool.filter((p) => p.assembly === stem);
  return hits.length === 1 ? hits[0] : null;
}

/** ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS set to ports above 1023 only. */
function listensAbove1023(r: DotnetReplay): boolean {
  const urls = r.env.get('ASPNETCORE_URLS') ?? r.env.get('ASPNETCORE_HTTP_PORTS') ?? r.env.get('ASPNETCORE_HTTPS_PORTS');
  if (!urls) return false;
  const ports = [...urls.matchAll(/(?::|^|;)(\d+)(?=\/?(?:;|$))/g)].map((m) => Number(m[1]));
  return ports.length > 0 && ports.every((p) => p > 1023);
}

/** The runtime image written with the same ARG references as the builder's, when they give the same image. */
function keepVariables(input: TransformInput, image: string, web: boolean): string {
  const raw = input.baseRaw;
  const candidates = [
    raw.replace(/\/(core\/)?sdk:/, `/$1${web ? 'aspnet' : 'runtime'}:`),
    raw.replace(/-sdk\b/, web ? '-aspnetcore-runtime' : '-runtime'),
  ];
  for (const c of candidates) {
    if (c !== raw && expandVars(c, (n) => input.globalArgs.get(n), input.file.escape) === image) return c;
  }
  return image;
}

interface DotnetRun {
  output: AppOutput;
  assembly: string;
  programArgs: string[];
  build: string;
  config: string;
}

/** `CMD dotnet run [--project P] [-- args]`: the publish it implies, and the assembly it starts. */
function publishDotnetRun(entry: RunSpec, replay: DotnetReplay, facts: DotnetFacts): DotnetRun | { skip: Message } | null {
  const argv = entry.form.exec ?? analyzeCommand(entry.form, '\\').argv;
  if (!argv || !(argv[0] === 'dotnet' || argv[0].endsWith('/dotnet')) || argv[1] !== 'run') return null;
  const args = parseDotnetArgs(argv.slice(1));
  if (!args) return null;
  const line = entry.ins.line;
  if (!facts.hasContext) return { skip: msg('dotnet/run-unknown', { line, reason: 'no build context' }, line) };
  const projectArg = args.flags.get('--project') ?? null;
  const projects = projectsOf(projectArg, replay.workdir, replay, facts);
  if (projects.length !== 1) return { skip: msg('dotnet/run-unknown', { line, reason: projects.length ? 'several projects' : 'no project file found' }, line) };
  const p = projects[0];
  if (p.launchSettings && !args.flags.has('--no-launch-profile')) {
    return { skip: msg('dotnet/launch-settings', { line, file: posix.join(p.dir, 'Properties/launchSettings.json') }, line) };
  }
  if (p.selfContained) return { skip: msg('dotnet/self-contained', { reason: p.selfContained }, line) };
  const config = args.flags.get('--configuration') ?? 'Release';
  const words = ['dotnet', 'publish', ...(projectArg ? [projectArg] : []), '-c', config];
  const framework = args.flags.get('--framework');
  if (framework) words.push('-f', framework);
  words.push('-o', RUN_PUBLISH_DIR);
  return {
    output: { dir: RUN_PUBLISH_DIR, projects, selfContained: null, ins: entry.ins },
    assembly: p.assembly, programArgs: args.programArgs, build: `RUN ${words.join(' ')}`, config,
  };
}
