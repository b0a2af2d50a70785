// The split shared by interpreted languages (Python, Ruby): the user's stage becomes the builder;
// the runtime stage is the slim image of the same interpreter version (same C library), and gets
// the installed packages (virtualenv, gem bundle), the application files, the system packages a
// running program may need, and the container's runtime settings.
import * as posix from 'path/posix';
import { msg } from '../../../src/messages';
import type { MessageId } from '../../../src/messages';
import type { Message, TextEdit } from '../../../src/types';
import { BUSYBOX_APPLETS, analyzeCommand, ignoredCmd, runSpecs, startedSpecs } from '../commands';
import { carryInstructions } from '../carry';
import { isPreset } from '../runtime-bases';
import type { RuntimeBase } from '../runtime-bases';
import { planRuntimeUser } from '../runtime-user';
import { builderImageRef, planRuntimeConfig, writableDirs } from '../runtime-config';
import { copyFromLine, splitEdits, withMirror } from '../split';
import type { TransformInput, TransformOutcome } from '../../types';
import { appFiles } from './app-files';
import type { AppFilesOptions } from './app-files';
import { scanSource, startCommandReads } from './folder-reads';
import type { SourceReads } from './folder-reads';
import type { StageWalk } from './stage-walk';
import { installLine, removedPackages, splitPackages, systemInstalls } from './system-packages';
import { devBrings, devKnown } from '../native-libs';
import type { PackageManager } from './system-packages';

export type Lang = 'python' | 'ruby';

/** What the language module decided before the common part runs. */
export interface LangPlan {
  lang: Lang;
  /** Runtime image (`python:3.11-slim`) and its C library. */
  runtimeImage: string;
  libc: 'glibc' | 'musl';
  /** The builder already is the slim/alpine image the runtime would be. */
  sameAsBuilder: boolean;
  /** Edits in the builder (virtualenv before the first pip install, BUNDLE_WITHOUT…). */
  inlineEdits: TextEdit[];
  /** Folders of installed packages copied as they are (`/opt/venv`, `/usr/local/bundle`). */
  packageDirs: string[];
  /** Lines after the copies (`ENV PATH=/opt/venv/bin:$PATH`). */
  envLines: string[];
  /** Shared libraries compiled packages need, per package manager, with why. */
  nativeLibs: { apt: string[]; apk: string[]; why: string[] };
  /** A package installer ran: programs started by name may be its scripts (gunicorn, puma). */
  installedPrograms: boolean;
  /** Folders on PATH where those scripts live, for the message. */
  scriptDirs: string[];
  isInterpreter(name: string): boolean;
  /** Absolute paths of programs the runtime image has (the interpreter's own). */
  runtimeHas(path: string): boolean;
  files: AppFilesOptions;
  /** Files of the build context (empty without one: then folders are copied whole). */
  contextFiles: readonly string[];
  /** What the context's sources list, serve or name (see folder-reads.ts). */
  sourceReads: { sources: readonly SourceReads[]; incomplete: string | null };
  toolchainEnv: ReadonlySet<string>;
  messages: Message[];
}

/** Debian slim: coreutils, bash, dash, grep, sed — no curl, wget, ps or nc. */
const SLIM_TOOLS = new Set([...BUSYBOX_APPLETS, 'bash', 'dash', 'awk', 'mawk', 'find', 'xargs', 'nproc', 'sort', 'uniq', 'basename', 'dirname', 'readlink', 'stat']);
for (const t of ['wget', 'nc', 'pgrep', 'ps']) SLIM_TOOLS.delete(t);
const DEBIAN_USERS = new Set(['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', '_apt', 'nobody', '0', '65534']);
const ALPINE_USERS = new Set(['root', 'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'news', 'uucp', 'operator', 'man', 'postmaster', 'cron', 'ftp', 'sshd', 'at', 'squid', 'xfs', 'games', 'cyrus', 'vpopmail', 'ntp', 'smmsp', 'guest', 'nobody', '0', '65534']);

function id(lang: Lang, suffix: string): MessageId {
  return `${lang}/${suffix}` as MessageId;
}

export function planInterpretedSplit(input: TransformInput, walk: StageWalk, plan: LangPlan): TransformOutcome {
  const { file, stage } = input;
  const lang = plan.lang;
  const messages: Message[] = [...plan.messages];
  const skip = (...m: Message[]): TransformOutcome => ({ kind: 'skip', messages: m });

  // System packages: build tools stay behind, the rest is installed again in the runtime.
  const installs = systemInstalls(walk.commands);
  const split = splitPackages(installs, removedPackages(walk.commands));
  if (split.mixed) return skip(msg(id(lang, 'package-managers-mixed'), {}, installs[0].line));
  const manager: PackageManager = split.manager ?? (plan.libc === 'musl' ? 'apk' : 'apt');
  if (split.manager && (split.manager === 'apk') !== (plan.libc === 'musl')) return skip(msg(id(lang, 'package-managers-mixed'), {}, installs[0].line));
  if (plan.sameAsBuilder && !split.dropped.length) {
    return skip(msg(id(lang, 'slim-builder'), { image: input.baseRaw }));
  }
  const runtimePackages = [...split.runtime];
  const libs = manager === 'apk' ? plan.nativeLibs.apk : plan.nativeLibs.apt;
  const addedLibs = libs.filter((l) => !runtimePackages.includes(l) && !coveredByDev(manager, l, runtimePackages));
  runtimePackages.push(...addedLibs);
  if (split.runtime.length) messages.push(msg(id(lang, 'packages-repeated'), { packages: split.runtime.join(' '), line: installs[0].line }, installs[0].line));
  if (split.dropped.length) messages.push(msg(id(lang, 'build-tools-dropped'), { packages: split.dropped.join(' ') }));
  if (addedLibs.length) messages.push(msg(id(lang, 'native-libs'), { why: plan.nativeLibs.why.join('; '), packages: addedLibs.join(' ') }));

  // What the container runs: interpreters, scripts of installed packages, app files, slim tools.
  const specs = runSpecs(file, stage);
  const pieces = appFiles(walk.copies, plan.contextFiles, walk.commands, plan.files, programReads(specs, walk.workdir, file.escape, plan));
  const copiedPaths = [...pieces.pieces.map((p) => p.path), ...plan.packageDirs];
  const byName: string[] = [];
  for (const spec of startedSpecs(specs)) {
    const k = spec.keyword;
    const analysis = analyzeCommand(spec.form, file.escape);
    for (const p of analysis.programs) {
      const name = posix.basename(p);
      if (p === '$') return skip(msg(id(lang, 'entrypoint-unknown'), { program: spec.form.shell ?? '?', line: spec.ins.line }, spec.ins.line));
      if (p.includes('/')) {
        const abs = posix.resolve(walk.workdir, p);
        if (copiedPaths.some((c) => abs === c || abs.startsWith(c + '/')) || plan.runtimeHas(abs)) continue;
      } else {
        if (plan.isInterpreter(name)) continue;
        // An app file copied into a folder on PATH (`COPY tool.py /usr/local/bin/tool`).
        const onPath = (walk.env.get('PATH') ?? '').split(':').filter(Boolean).map((d) => posix.join(d, name));
        if (onPath.some((f) => copiedPaths.some((c) => f === c || f.startsWith(c + '/')))) continue;
        if (plan.libc === 'musl' ? BUSYBOX_APPLETS.has(name) : SLIM_TOOLS.has(name)) continue;
        if (runtimePackages.length && !['curl', 'wget'].includes(name)) continue;
        if (runtimePackages.includes(name)) continue;
        if (plan.installedPrograms && !['curl', 'wget'].includes(name)) {
          if (!byName.includes(name)) byName.push(name);
          continue;
        }
      }
      if (k === 'HEALTHCHECK') return skip(msg('runtime/healthcheck-tool', { line: spec.ins.line, tool: p }, spec.ins.line));
      return skip(msg(id(lang, 'entrypoint-unknown'), { program: p, line: spec.ins.line }, spec.ins.line));
    }
  }
  const ignored = ignoredCmd(specs);
  if (ignored) messages.push(msg('runtime/cmd-ignored', { line: ignored.ins.line, entrypoint: specs.ENTRYPOINT!.ins.line }, ignored.ins.line));
  if (byName.length) messages.push(msg(id(lang, 'entry-point'), { programs: byName.join(', '), dirs: plan.scriptDirs.join(', ') }));
  if (walk.shells.length) return skip(msg('runtime/custom-shell', { line: walk.shells[0].line }, walk.shells[0].line));

  // The runtime base.
  const custom = input.options.runtime;
  let image = plan.runtimeImage;
  if (custom) {
    if (isPreset(custom)) {
      return skip(msg(id(lang, 'runtime-preset'), { preset: custom, image: plan.runtimeImage }));
    }
    image = custom;
  }
  const rt: RuntimeBase = {
    image, libc: plan.libc, shell: '/bin/sh', preamble: [], hasEntrypoint: false,
    users: custom ? null : plan.libc === 'musl' ? ALPINE_USERS : DEBIAN_USERS, nonrootByDefault: false,
    hasCerts: true, hasTzdata: plan.libc === 'glibc', busybox: plan.libc === 'musl', custom: !!custom,
    why: custom ? 'given by --runtime' : `the same interpreter version without compilers and headers${plan.libc === 'musl' ? ' (musl, like the alpine builder: compiled extensions match)' : ' (glibc, like the builder: compiled extensions match)'}`,
  };
  if (rt.custom) messages.push(msg('runtime/custom-image', { image }));
  messages.push(msg('runtime/base', { image, why: rt.why }));

  // Users: an implicit root becomes 65532, which gets the app folders it could write to before.
  const policy = input.options.user ?? 'nonroot';
  const user = planRuntimeUser(walk.users, rt, policy);
  const nonrootNow = !walk.users.length && policy === 'nonroot';
  const lines: string[] = [];
  if (runtimePackages.length) lines.push(installLine(manager, runtimePackages));
  const builder = stage.name ?? input.options.builderName ?? 'builder';
  for (const d of plan.packageDirs) lines.push(copyFromLine(builder, d, d));
  const chowned: string[] = [];
  for (const p of pieces.pieces) {
    let chown = p.chown;
    if (!chown && nonrootNow && p.appDir) {
      chown = '65532:65532';
      chowned.push(p.path);
    }
    lines.push(copyFromLine(builder, p.path, p.path, chown));
  }
  // COPY leaves a folder the runtime's WORKDIR already created owned by root: give it its owner
  // (the split creates the working directory and volumes owned by the new user itself).
  const carried = carryInstructions(stage.body, file.text, plan.toolchainEnv);
  const config = planRuntimeConfig(file, stage, builderImageRef(file, stage, undefined), carried);
  const splitOwned = user.owner ? writableDirs(config) : [];
  const owned = pieces.dirs
    .map((d) => ({ path: d.path, chown: d.chown ?? (nonrootNow ? '65532:65532' : null) }))
    .filter((d) => d.chown && !(d.chown === user.owner && splitOwned.includes(d.path)));
  for (const owner of [...new Set(owned.map((d) => d.chown as string))]) {
    lines.push(`RUN chown ${owner} ${owned.filter((d) => d.chown === owner).map((d) => d.path).join(' ')}`);
  }
  if (pieces.pieces.length) messages.push(msg('runtime/files-copied', { files: pieces.pieces.map((p) => p.path).join(', ') }));
  if (pieces.left.length) messages.push(msg(id(lang, 'files-left'), { files: pieces.left.join(', ') }));
  for (const s of pieces.served) messages.push(msg(id(lang, 'serves-folder'), { program: s.program, dirs: s.dirs.join(', ') }));
  if (pieces.readsAll) messages.push(msg(id(lang, 'reads-folder'), { where: pieces.readsAll.where.slice(0, 3).join('; '), dirs: pieces.readsAll.dirs.join(', ') }));
  if (pieces.named.files.length) messages.push(msg(id(lang, 'files-named'), { files: pieces.named.files.join(', '), where: pieces.named.where.slice(0, 3).join(', ') }));
  if (pieces.written.length) messages.push(msg(id(lang, 'app-dir-written'), { dirs: pieces.written.join(', ') }));
  if (chowned.length) messages.push(msg(id(lang, 'app-chown'), { dirs: [...new Set([...owned.filter((d) => d.chown === '65532:65532').map((d) => d.path), ...chowned.filter((c) => !owned.some((d) => c.startsWith(d.path + '/')))])].join(', ') }));
  lines.push(...plan.envLines);
  lines.push(...user.lines);
  messages.push(...user.messages);

  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));

  const edits = splitEdits({
    file, stage, options: input.options, builderName: builder, afterFrom: [], inlineEdits: plan.inlineEdits, builderAppend: [],
    runtime: { base: rt, copies: user.copies, lines, carried, tail: [], owner: user.owner }, notes: messages, config,
  });
  const own = (m: Message) => m.id.startsWith(`${lang}/`) || m.id.startsWith('onbuild/');
  return { kind: 'rewrite', edits, messages: [...messages.filter(own), ...messages.filter((m) => !own(m))], baseAfter: withMirror(image, input.options.registryMirror) };
}

/** What the start command serves (ENTRYPOINT with CMD as its arguments, else CMD) and the sources read. */
function programReads(specs: ReturnType<typeof runSpecs>, workdir: string, escape: string, plan: LangPlan) {
  const ep = specs.ENTRYPOINT?.form;
  const cmd = specs.CMD?.form;
  const forms = ep ? (ep.exec && cmd?.exec ? [{ exec: [...ep.exec, ...cmd.exec], shell: null }] : [ep]) : cmd ? [cmd] : [];
  const start = startCommandReads(forms.map((f) => ({ argv: f.exec, shell: f.shell })), workdir, plan.lang, plan.isInterpreter, escape);
  const inline = start.code.map((c) => scanSource('the start command', c, plan.lang));
  return { workdir, served: start.served, sources: [...plan.sourceReads.sources, ...inline], incomplete: plan.sourceReads.incomplete };
}

/**
 * A `-dev` package the runtime installs anyway already pulls the library in: as the native library
 * map says, or for a package it does not know (older releases' names), by the library's name.
 */
function coveredByDev(manager: PackageManager, lib: string, packages: readonly string[]): boolean {
  const stem = lib.replace(/\d+(\.\d+)*$/, '').replace(/-$/, '');
  return packages.some((p) => {
    if (!p.endsWith('-dev')) return false;
    if (devKnown(manager, p)) return devBrings(manager, p, lib);
    return p.startsWith(stem) || (stem.startsWith('libmariadb') && /mysqlclient|mariadb/.test(p));
  });
}

