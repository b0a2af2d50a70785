// The Java transform: the user's JDK / maven / gradle stage becomes the builder (its steps as
// written), and a JRE of the same major version gets the jar (and whatever else the java command
// reads), the runtime files and the container's runtime settings.
import { JAVA_MESSAGES } from './messages';
import { imageConfigOf } from '../shared/image-config';
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { expandVars, formatImageRef } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { analyzeCommand, execText, replaceCommand, runSpecs } from '../shared/commands';
import type { Analysis, RunSpec } from '../shared/commands';
import { hasGlob, globToRegExp, placedFiles } from '../shared/context-map';
import { carryInstructions } from '../shared/carry';
import { PRESETS } from '../shared/runtime-bases';
import { planRuntimeUser } from '../shared/runtime-user';
import { splitEdits, withMirror } from '../shared/split';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip, withFirstPass } from '../types';
import { expectedArtifact, inside, originOf } from './artifacts';
import type { ExpectedArtifact } from './artifacts';
import { gatherJavaFacts } from './facts';
import type { JavaFacts } from './facts';
import { exampleTag, javaImage } from './java-image';
import type { JavaImage } from './java-image';
import { commandCalls } from './commands';
import type { CommandCalls } from './commands';
import type { JavaArg, JavaCall } from './java-command';
import { buildToolOf } from './java-command';
import { expandMavenOnbuild } from './onbuild';
import { replayJavaStage } from './replay';
import type { JavaReplay } from './replay';
import { chooseJavaRuntime } from './runtime';
import { javaRuntimeFiles } from './runtime-files';

/** Variables that only steer the JDK and the build tools: not repeated in the runtime stage. */
const TOOLCHAIN_ENV = new Set([
  'JAVA_HOME', 'JDK_HOME', 'JAVA_VERSION', 'MAVEN_OPTS', 'MAVEN_CONFIG', 'MAVEN_HOME', 'MAVEN_ARGS', 'M2_HOME', 'M2',
  'GRADLE_OPTS', 'GRADLE_HOME', 'GRADLE_USER_HOME', 'GRADLE_VERSION', 'MAVEN_VERSION',
]);
/** Folders that hold the image's own files: a classpath entry there is not copied whole. */
const SYSTEM_DIRS = new Set(['/', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/share', '/etc', '/var', '/opt', '/home']);
/** Launcher paths a JRE image has (Temurin keeps Java in /opt/java/openjdk; distroless in /usr/bin). */
const LAUNCHERS = new Set(['java', '/opt/java/openjdk/bin/java', '/usr/bin/java', '$JAVA_HOME/bin/java', '${JAVA_HOME}/bin/java']);

export const javaTransform: Transform<JavaFacts> = {
  id: 'java',
  messages: JAVA_MESSAGES,
  matches: (ref) => javaImage(ref) !== null,
  gather: (ctx, input) => gatherJavaFacts(ctx, input.hasContext),
  readsAhead: { names: ['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties'] },
  plan(input, facts) {
    const img = javaImage(input.base) as JavaImage;
    if (img.kind === 'jre') return skip(msg('java/already-jre', { image: formatImageRef(input.base) }, input.stage.from.line));
    return withFirstPass(expandMavenOnbuild(input, facts, img), () => planSplit(input, facts, img));
  },
};

interface Use {
  spec: RunSpec;
  analysis: Analysis;
  calls: CommandCalls;
}

/** A file or folder the runtime needs, at the same path as in the builder. */
interface Copy {
  src: string;
  dest: string;
}

export function planSplit(input: TransformInput, facts: JavaFacts, img: JavaImage): TransformOutcome {
  const { file, stage, options } = input;
  const custom = options.runtime !== undefined && !(PRESETS as readonly string[]).includes(options.runtime);
  if (img.major === null && !custom) return skip(msg('java/jdk-unknown', { image: input.baseRaw, example: exampleTag(img) }, stage.from.line));
  const replay = replayJavaStage(file, stage, facts.files, imageConfigOf(input.base)?.workdir ?? '/');
  if (replay.copies.some((c) => c.sources.some((s) => s === '' || !s.includes('.')))) {
    if (!facts.hasContext) return skip(msg('context/unavailable', { reason: 'no build context was given' }));
    if (facts.truncated) return skip(msg('context/unavailable', { reason: 'the build context has too many files to list' }));
  }
  const artifacts = replay.builds.map((b) => expectedArtifact(b, replay, facts)).filter((a): a is ExpectedArtifact => a !== null);

  // What the container runs.
  const specs = runSpecs(file, stage);
  const main = specs.ENTRYPOINT ?? specs.CMD;
  if (!main) return skip(msg('java/no-entrypoint', { jar: suggestedJar(artifacts, replay.workdir) }));
  const uses: Use[] = [];
  for (const spec of [main, specs.HEALTHCHECK]) {
    if (!spec) continue;
    let form = spec.form;
    // Exec-form ENTRYPOINT + CMD: the CMD is its arguments (a shell-form CMD becomes `/bin/sh -c …`).
    if (spec.keyword === 'ENTRYPOINT' && form.exec && specs.CMD) {
      const cmd = specs.CMD.form;
      form = { exec: [...form.exec, ...(cmd.exec ?? ['/bin/sh', '-c', cmd.shell ?? ''])], shell: null };
    }
    const analysis = analyzeCommand(form, file.escape);
    // A shell-form ENTRYPOINT ignores CMD: only a shell keeps that (exec form would pass CMD on).
    if (spec.keyword === 'ENTRYPOINT' && !spec.form.exec && specs.CMD) {
      analysis.shell = true;
      analysis.argv = null;
      analysis.features = [...analysis.features, 'ignores CMD'];
    }
    uses.push({ spec, analysis, calls: commandCalls(form, file.escape) });
  }
  for (const u of uses) {
    const { spec } = u;
    for (const p of u.calls.others) {
      const tool = buildToolOf(p);
      if (tool) return skip(msg('java/build-tool-at-start', { keyword: spec.keyword, line: spec.ins.line, tool }, spec.ins.line));
      if (custom) continue;
      if (spec.keyword === 'HEALTHCHECK') return skip(msg('runtime/healthcheck-tool', { line: spec.ins.line, tool: p }, spec.ins.line));
      return skip(msg('java/entrypoint-unknown', { keyword: spec.keyword, line: spec.ins.line, program: p }, spec.ins.line));
    }
    for (const c of u.calls.calls) {
      if (!LAUNCHERS.has(c.launcher) && !custom) {
        return skip(msg('runtime/program-missing', { keyword: spec.keyword, line: spec.ins.line, program: c.launcher }, spec.ins.line));
      }
      if (c.call.sourceFile) return skip(msg('java/source-launch', { keyword: spec.keyword, line: spec.ins.line, file: c.call.sourceFile }, spec.ins.line));
      if (c.call.argFile) return skip(msg('java/path-unresolved', { what: 'the java command', line: spec.ins.line, value: c.call.argFile }, spec.ins.line));
    }
  }
  if (!uses[0].calls.calls.length) {
    return skip(msg('java/entrypoint-unknown', { keyword: main.keyword, line: main.ins.line, program: uses[0].analysis.programs[0] ?? 'nothing' }, main.ins.line));
  }

  // The files each java command reads.
  const messages: Message[] = [];
  const copies: Copy[] = [];
  const classGlobs = new Set<string>();
  const classDirs = new Map<string, string>();
  const builderAppend: string[] = [];
  const addCopy = (src: string, dest: string) => {
    if (!copies.some((c) => c.src === src)) copies.push({ src, dest });
  };
  for (const u of uses) {
    for (const { call, shell: shellText } of u.calls.calls) {
      const line = u.spec.ins.line;
      const needs = filesOf(call, replay, shellText);
      if ('skip' in needs) return skip(msg('java/path-unresolved', { what: needs.skip.what, line, value: needs.skip.value }, line));
      const extra: string[] = [];
      for (const need of needs.paths) {
        const origin = originOf(need.path, need.glob, replay, facts);
        if (!origin) return skip(msg('java/jar-unknown', { path: need.path, line }, line));
        if (need.kind === 'classpath' && !need.glob && SYSTEM_DIRS.has(need.path)) {
          // Only the class files javac wrote there: exact when every source is in the default package.
          const sources = [...facts.javaPackages].filter(([f]) => replay.copies.some((c) => placedFiles(c, facts.files).some((p) => p.ctx === f)));
          if (!facts.javaPackagesComplete || !sources.length || sources.some(([, pkg]) => pkg !== '')) {
            return skip(msg('java/classpath-system-dir', { line, dir: need.path }, line));
          }
          // Gathered by a RUN in the builder: a shell glob follows a symlinked /bin (merged /usr), COPY's does not.
          const glob = posix.join(need.path, '*.class');
          if (!classDirs.has(need.path)) {
            const staged = `/.stageify-classes${classDirs.size ? classDirs.size + 1 : ''}`;
            classDirs.set(need.path, staged);
            builderAppend.push(`RUN mkdir -p ${staged} && cp -p ${glob} ${staged}/`);
            addCopy(staged + '/', need.path === '/' ? '/' : need.path + '/');
            classGlobs.add(staged + '/');
          }
          messages.push(msg('java/classes-only', { dir: need.path, glob }, line));
          continue;
        }
        if (need.kind !== 'jar') {
          addCopy(need.path, need.path);
          extra.push(need.path);
          continue;
        }
        const expected = artifacts.find((a) => (need.glob ? globToRegExp(need.path).test(a.path) : a.path === need.path));
        if (need.glob) {
          if (expected && !expected.extraJars.length) {
            addCopy(expected.path, expected.path);
            messages.push(msg('java/artifact', { path: expected.path, why: `${need.path} resolved by ${expected.source}` }, line));
          } else {
            const dir = posix.dirname(need.path);
            if (hasGlob(dir)) return skip(msg('java/path-unresolved', { what: 'the jar', line, value: need.path }, line));
            addCopy(need.path, dir + '/');
            const note = expected ? `; ${expected.source} names ${posix.basename(expected.path)}, and ${expected.extraJars.join(', ')} may add others` : '';
            messages.push(msg('java/jar-glob', { glob: need.path, dir: dir + '/', expected: note }, line));
          }
        } else {
          addCopy(need.path, need.path);
          messages.push(msg('java/artifact', { path: need.path, why: expected ? `built by line ${expected.build.ins.line} as ${expected.source} says` : origin }, line));
        }
        for (const d of expected?.classpathDirs ?? []) {
          addCopy(d, d);
          messages.push(msg('java/manifest-classpath', { dir: d }, line));
        }
      }
      if (extra.length) messages.push(msg('java/classpath-copied', { line, paths: extra.join(', ') }, line));
    }
  }

  // The runtime base.
  const shell = uses.some((u) => u.analysis.shell);
  const policy = options.user ?? 'nonroot';
  const choice = chooseJavaRuntime(img, { shell, user: policy, explicitUser: replay.users.length > 0 }, options.runtime);
  if (!choice.ok) {
    if (choice.reason === 'version') return skip(msg('java/no-jre-image', { what: choice.what, major: img.major ?? '?' }));
    if (choice.reason === 'preset') return skip(msg('java/preset-unsupported', { preset: choice.preset }));
    const u = uses.find((x) => x.analysis.shell) as Use;
    return skip(msg('runtime/program-missing', { keyword: u.spec.keyword, line: u.spec.ins.line, program: 'a shell' }, u.spec.ins.line));
  }
  const rt = { ...choice.base };
  if (shell && replay.shells.length) return skip(msg('runtime/custom-shell', { line: replay.shells[0].line }, replay.shells[0].line));
  if (rt.custom) messages.push(msg('runtime/custom-image', { image: rt.image }));
  messages.push(msg('runtime/base', { image: rt.image, why: rt.why }));
  messages.push(...familyNotes(img, input.baseRaw, rt.image, stage.from.line));

  // Commands: distroless starts `java -jar` itself; shells only where the runtime has one.
  const overrides = new Map<Instr, string>();
  if (choice.distroless && !specs.ENTRYPOINT) {
    const argv = uses[0].analysis.argv;
    const c = uses[0].calls.calls[0];
    if (argv && uses[0].calls.calls.length === 1 && argv[1] === '-jar' && c.call.options.length === 0 && argv.length >= 3) {
      overrides.set(main.ins, replaceCommand(file, main, execText(argv.slice(2))));
      messages.push(msg('java/distroless-cmd', { line: main.ins.line }, main.ins.line));
    } else {
      rt.hasEntrypoint = true;
      messages.push(msg('java/distroless-entrypoint-cleared', { line: main.ins.line }, main.ins.line));
    }
  }
  for (const u of uses) {
    if (u.spec.form.exec || rt.shell || overrides.has(u.spec.ins)) continue;
    if (!u.analysis.argv) return skip(msg('runtime/program-missing', { keyword: u.spec.keyword, line: u.spec.ins.line, program: 'a shell' }, u.spec.ins.line));
    overrides.set(u.spec.ins, replaceCommand(file, u.spec, execText(u.analysis.argv)));
    messages.push(msg('runtime/exec-form', { keyword: u.spec.keyword, line: u.spec.ins.line }, u.spec.ins.line));
  }
  for (const u of uses) {
    if (u.analysis.shell && !u.spec.form.exec) {
      messages.push(msg('runtime/shell-kept', { keyword: u.spec.keyword, line: u.spec.ins.line, features: u.analysis.features.join(', ') }, u.spec.ins.line));
    }
  }

  // Files read at run time that the Dockerfile copied from the context.
  if (facts.hasContext && !facts.truncated) {
    const files = javaRuntimeFiles(replay.copies, facts.files, copies.filter((c) => !classGlobs.has(c.src)).map((c) => c.src.replace(/\/[^/]*[*?[][^/]*$/, '')));
    for (const f of files) addCopy(f, f);
    if (files.length) messages.push(msg('runtime/files-copied', { files: files.join(', ') }));
  }
  // A folder copied whole makes copies of what is inside it redundant.
  const finalCopies = copies.filter((c) => !copies.some((o) => o !== c && !hasGlob(o.src) && o.src !== c.src && inside(c.src, o.src)));

  const user = planRuntimeUser(replay.users, rt, policy);
  finalCopies.push(...user.copies);
  messages.push(...user.messages);
  const carried = carryInstructions(stage.body, file.text, TOOLCHAIN_ENV, overrides);
  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));

  const edits = splitEdits({
    file, stage, options, builderName: stage.name ?? options.builderName ?? 'builder', afterFrom: [], inlineEdits: [], builderAppend,
    runtime: { base: rt, copies: finalCopies, lines: user.lines, carried, tail: [], owner: user.owner }, notes: messages,
  });
  const own = (m: Message) => m.id.startsWith('java/') || m.id.startsWith('onbuild/');
  return { kind: 'rewrite', edits, messages: [...messages.filter(own), ...messages.filter((m) => !own(m))], baseAfter: withMirror(rt.image, options.registryMirror) };
}

interface Need {
  kind: 'jar' | 'classpath' | 'agent';
  /** Absolute path in the builder; a shell glob when `glob`. */
  path: string;
  glob: boolean;
}

/** The paths a java command reads, resolved against the stage's WORKDIR and run-time ENV. */
function filesOf(call: JavaCall, r: JavaReplay, shellForm: boolean): { paths: Need[] } | { skip: { what: string; value: string } } {
  const paths: Need[] = [];
  const resolve = (a: JavaArg): string | null => {
    if (!a.expansion) return a.value;
    return expandVars(a.value, (n) => r.runEnv.get(n));
  };
  const add = (kind: Need['kind'], a: JavaArg, what: string): { what: string; value: string } | null => {
    const v = resolve(a);
    if (v === null || v === '') return { what, value: a.value };
    // A classpath entry `dir/*` means every jar in dir (the launcher expands it, not the shell).
    const javaWildcard = kind !== 'jar' && /(^|\/)\*$/.test(v);
    const p = posix.resolve(r.workdir, javaWildcard ? v.slice(0, -1) || '.' : v);
    const glob = shellForm && !javaWildcard && hasGlob(v);
    if (p === '/' && kind !== 'classpath') return { what, value: a.value };
    paths.push({ kind, path: p, glob });
    return null;
  };
  let problem: { what: string; value: string } | null = null;
  if (call.jar) problem = add('jar', call.jar, 'the jar');
  else if (!call.module || call.classpath) {
    const cp = call.classpath ?? (r.runEnv.get('CLASSPATH') ?? '.').split(':').filter(Boolean).map((value) => ({ value, expansion: false }));
    for (const e of cp) problem ??= add('classpath', e, 'the classpath');
  }
  for (const e of call.modulePath) problem ??= add('classpath', e, 'the module path');
  for (const a of call.agents) problem ??= add('agent', a, 'an agent');
  return problem ? { skip: problem } : { paths };
}

function suggestedJar(artifacts: ExpectedArtifact[], workdir: string): string {
  const a = artifacts[0];
  if (!a) return 'app.jar';
  return inside(a.path, workdir) && workdir !== '/' ? posix.relative(workdir, a.path) : a.path;
}

/** What the builder image's family means for the runtime: a version its tag implies, a deprecated image, another vendor's JRE. */
function familyNotes(img: JavaImage, image: string, runtime: string, line: number): Message[] {
  const out: Message[] = [];
  if (img.implied) out.push(msg('java/implied-version', { image, implied: img.implied, major: img.major ?? '?' }, line));
  if (img.family === 'java') out.push(msg('java/deprecated-image', { image, why: 'OpenJDK on Debian jessie, replaced by `openjdk` and not updated since 2016', runtime }, line));
  if (img.family === 'adoptopenjdk') out.push(msg('java/deprecated-image', { image, why: 'AdoptOpenJDK moved to Eclipse Adoptium (Temurin) and IBM Semeru (OpenJ9) in 2021', runtime }, line));
  if (img.jvm === 'openj9' || img.family.startsWith('bellsoft/')) out.push(msg('java/vendor-jre', { image, runtime, jvm: img.jvm === 'openj9' ? 'the OpenJ9 JVM' : 'BellSoft Liberica' }, line));
  return out;
}
