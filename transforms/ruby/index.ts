// The Ruby transform: the user's ruby stage becomes the builder (gems bundled into GEM_HOME), and
// the runtime is the slim image of the same version with the bundle and the application files.
import { RUBY_MESSAGES } from './messages';
import { isOfficialImage, withoutDigest } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { line } from '../shared/split';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip, withFirstPass } from '../types';
import { slimTagOf } from '../shared/interpreted/image-tags';
import { planInterpretedSplit } from '../shared/interpreted/interpreted-split';
import { walkStage } from '../shared/interpreted/stage-walk';
import type { StageCommand } from '../shared/interpreted/stage-walk';
import { programName } from '../shared/interpreted/stage-walk';
import { GEM_HOME, rubyInstalls, settingVariable } from './bundle';
import { EXTENSION_GEMS, gatherRubyFacts, NATIVE_GEMS } from './facts';
import { libraryPackagesOf } from '../shared/native-libs';
import { debianReleaseOfTag } from '../shared/runtime-bases';
import type { RubyFacts } from './facts';
import { expandRubyOnbuild } from './onbuild';
import { officialConfig } from '../shared/image-config';

const TOOLCHAIN_ENV = new Set(['BUNDLE_JOBS', 'BUNDLE_RETRY', 'DEBIAN_FRONTEND', 'MAKEFLAGS', 'RUBY_VERSION', 'RUBY_MAJOR', 'RUBY_DOWNLOAD_SHA256', 'RUBYGEMS_VERSION', 'BUNDLER_VERSION', 'NOKOGIRI_USE_SYSTEM_LIBRARIES']);
const NOT_RUNTIME = [/^spec$/, /^test$/, /^\.rspec$/, /^\.rubocop.*\.yml$/, /^coverage$/, /^\.bundle$/, /^\.byebug_history$/];
const PRODUCTION_ENV = ['RAILS_ENV', 'RACK_ENV', 'APP_ENV'];
const INTERPRETERS = new Set(['ruby', 'irb', 'bundle', 'bundler', 'gem', 'erb', 'rake', 'rdoc', 'ri']);

export const rubyTransform: Transform<RubyFacts> = {
  id: 'ruby',
  messages: RUBY_MESSAGES,
  matches: (ref) => isOfficialImage(ref, 'ruby') || (isOfficialImage(ref, 'rails') && /onbuild$/.test(ref.tag ?? '')),
  gather: (ctx, input) => gatherRubyFacts(ctx, input.hasContext),
  readsAhead: { names: ['Gemfile.lock'] },
  plan(input, facts) {
    return withFirstPass(expandRubyOnbuild(input), () =>
      input.base.name === 'rails' ? skip(msg('skip/no-transform', { image: input.baseRaw })) : planRuby(input, facts));
  },
};

export function planRuby(input: TransformInput, facts: RubyFacts): TransformOutcome {
  const { file, stage, base } = input;
  const runtime = slimTagOf(base.tag);
  if (!runtime.ok) return skip(msg('ruby/variant-unknown', { image: input.baseRaw }));
  const image = officialConfig('ruby', base.tag);
  const walk = walkStage(file, stage, facts.files, image.env, image.workdir);
  const opaque = walk.opaqueRuns.find((i) => /\b(bundle|gem)\b/.test(i.argsText));
  if (opaque) return skip(msg('ruby/heredoc-install', { line: opaque.line }, opaque.line));
  const found = rubyInstalls(walk);
  if (found.unknown.length) return skip(msg('ruby/installer-unknown', { tool: found.unknown[0].tool, line: found.unknown[0].ins.line }, found.unknown[0].ins.line));
  const installs = found.bundles.length + found.gems.length > 0;
  if (found.bundles.length && (!facts.hasContext || facts.truncated)) {
    return skip(msg('context/unavailable', { reason: facts.hasContext ? 'the build context has too many files to list' : 'no build context was given: Gemfile.lock cannot be checked for native gems' }));
  }

  const messages: Message[] = [];
  const inlineEdits: TextEdit[] = [];
  const envLines: string[] = [];
  const packageDirs: string[] = [];
  // Gems go to GEM_HOME (the bundle path of the official images, with bundler's config).
  if (installs || found.config.size || walk.commands.some((c) => programName(c.argv) === 'bundle')) packageDirs.push(GEM_HOME);
  for (const b of found.bundles) {
    if (b.path && !packageDirs.includes(b.path) && !insideCopiedApp(b.path, walk)) packageDirs.push(b.path);
  }
  if (packageDirs.length) messages.push(msg('ruby/bundle-copied', { dirs: packageDirs.join(', ') }));

  // Global bundler settings live in the build user's home, which the runtime does not have.
  const globals = [...found.globalConfig].filter(([k]) => !/^(build\.|jobs$|retry$|path\.system$|silence_root_warning$)/.test(k) && !walk.env.has(settingVariable(k)));
  for (const [k, v] of globals) envLines.push(`ENV ${settingVariable(k)}=${/[\s"'$\\]/.test(v) ? JSON.stringify(v) : v}`);
  if (globals.length) messages.push(msg('ruby/global-config', { settings: globals.map(([k, v]) => `${k} ${v}`).join(', '), vars: globals.map(([k]) => settingVariable(k)).join(', ') }));

  // Development and test gems: left out only when the app runs in production anyway.
  const first = found.bundles[0];
  if (first) {
    const prod = PRODUCTION_ENV.find((n) => (first.cmd.env.get(n) ?? '') === 'production');
    if (first.without !== null) messages.push(msg('ruby/groups-as-written', { without: first.without }));
    else if (prod && found.bundles.every((b) => b.without === null)) {
      const ins = first.cmd.ins;
      inlineEdits.push({ start: ins.lineStart, end: ins.lineStart, text: file.text.slice(ins.lineStart, ins.start) + line(file, 'ENV BUNDLE_WITHOUT=development:test') + file.eol });
      if (!walk.env.has('BUNDLE_WITHOUT')) envLines.push('ENV BUNDLE_WITHOUT=development:test');
      messages.push(msg('ruby/bundle-without', { name: prod, line: ins.line }, ins.line));
    } else messages.push(msg('ruby/all-groups-kept'));
  }

  // Native extensions: same C library in the runtime; libraries of the full image installed.
  const nativeLibs = { apt: [] as string[], apk: [] as string[], why: [] as string[] };
  const gems = facts.locks.flatMap((l) => l.gems.map((g) => ({ ...g, lock: l.path })));
  const native = gems.filter((g) => (g.name in NATIVE_GEMS && g.platform === null) || EXTENSION_GEMS.has(g.name));
  if (native.length && found.bundles.length) {
    messages.push(msg('ruby/native-gems', { gems: [...new Set(native.map((g) => g.name))].sort().join(', '), libc: runtime.libc }));
    if (runtime.libc === 'glibc' && !runtime.sameAsBuilder) {
      for (const g of native.filter((x) => x.name in NATIVE_GEMS && x.platform === null)) {
        const lib = libraryPackagesOf(NATIVE_GEMS[g.name], debianReleaseOfTag(runtime.tag, 12));
        if (lib.apt.every((l) => nativeLibs.apt.includes(l))) continue;
        for (const l of lib.apt) if (!nativeLibs.apt.includes(l)) nativeLibs.apt.push(l);
        for (const l of lib.apk) if (!nativeLibs.apk.includes(l)) nativeLibs.apk.push(l);
        nativeLibs.why.push(`${g.name} (${g.lock}) links ${lib.apt.join(' ')}`);
      }
    }
  }

  const repo = withoutDigest(input.baseRaw).replace(/:[^:/]*$/, '');
  return planInterpretedSplit(input, walk, {
    lang: 'ruby',
    runtimeImage: /\$/.test(repo) ? `${base.registry ? base.registry + '/' : ''}${base.repository}:${runtime.tag}` : `${repo}:${runtime.tag}`,
    libc: runtime.libc,
    sameAsBuilder: runtime.sameAsBuilder,
    inlineEdits,
    packageDirs,
    envLines,
    nativeLibs,
    installedPrograms: installs,
    scriptDirs: [`${GEM_HOME}/bin`],
    isInterpreter: (n) => INTERPRETERS.has(n),
    runtimeHas: (p) => /^\/usr\/local\/bin\/(ruby|irb|bundle|bundler|gem|erb|rake)$/.test(p) || packageDirs.some((d) => p.startsWith(d + '/')),
    files: { notRuntime: NOT_RUNTIME, harmless: (c) => harmlessRuby(c, found.bundles.filter((b) => b.path !== null).map((b) => b.cmd)) },
    contextFiles: facts.files,
    sourceReads: facts.reads,
    toolchainEnv: TOOLCHAIN_ENV,
    messages,
  });
}

/** Installing gems into GEM_HOME and bundler settings do not add files to the app folder. */
function harmlessRuby(c: StageCommand, intoPath: readonly StageCommand[]): boolean {
  const prog = programName(c.argv);
  if (prog === 'gem') return c.argv[1] === 'install' || c.argv[1] === 'update';
  if (prog !== 'bundle' && prog !== 'bundler') return false;
  const sub = c.argv[1];
  if (sub === 'config') return !c.argv.includes('--local');
  if (sub === 'install' || sub === undefined) {
    return !intoPath.includes(c) && !c.argv.some((a) => /^--(deployment|path|standalone|binstubs)/.test(a)) && !c.env.get('BUNDLE_PATH') && !c.env.get('BUNDLE_DEPLOYMENT');
  }
  return false;
}

/** A bundle path inside a folder the app copy takes along. */
function insideCopiedApp(path: string, walk: ReturnType<typeof walkStage>): boolean {
  return walk.copies.some((c) => c.destIsDir && path.startsWith(c.dest === '/' ? '/' : c.dest + '/') && !['/', '/usr', '/usr/local'].includes(c.dest));
}

