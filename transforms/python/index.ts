// The Python transform: the user's python/pypy stage becomes the builder (packages installed into
// a virtualenv), and the runtime is the slim image of the same version with the virtualenv and the
// application files.
import { PYTHON_MESSAGES } from './messages';
import { officialConfig } from '../shared/image-config';
import type { Instr } from '../../src/dockerfile';
import { isOfficialImage, withoutDigest } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { line } from '../shared/split';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip, withFirstPass } from '../types';
import { gatherPythonFacts, NATIVE_PACKAGES } from './facts';
import { libraryPackagesOf } from '../shared/native-libs';
import { debianReleaseOfTag } from '../shared/runtime-bases';
import type { PythonFacts } from './facts';
import { majorOf, slimTagOf } from '../shared/interpreted/image-tags';
import { isPythonName, pythonInstalls } from './installs';
import { planInterpretedSplit } from '../shared/interpreted/interpreted-split';
import { expandPythonOnbuild } from './onbuild';
import { walkStage } from '../shared/interpreted/stage-walk';
import type { StageCommand } from '../shared/interpreted/stage-walk';
import { programName } from '../shared/interpreted/stage-walk';

export const VENV = '/opt/venv';
export const USER_BASE = '/opt/python-packages';

/** Variables that only steer pip and apt at build time: not repeated in the runtime stage. */
const TOOLCHAIN_ENV = new Set([
  'PIP_NO_CACHE_DIR', 'PIP_DISABLE_PIP_VERSION_CHECK', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_TRUSTED_HOST', 'PIP_DEFAULT_TIMEOUT',
  'PIP_PREFER_BINARY', 'PIP_ROOT_USER_ACTION', 'PIP_PROGRESS_BAR', 'PIP_NO_COMPILE', 'PIP_FIND_LINKS', 'PIP_NO_INDEX', 'DEBIAN_FRONTEND',
  'PYTHON_VERSION', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256', 'GPG_KEY',
]);

/** Top-level names of the app folder a running Python program does not read. */
const NOT_RUNTIME = [/^tests?$/, /^__pycache__$/, /^\.pytest_cache$/, /^\.mypy_cache$/, /^\.ruff_cache$/, /^\.tox$/, /^\.nox$/, /^\.venv$/, /^venv$/, /^\.coverage$/, /^htmlcov$/, /^requirements[^/]*\.(txt|in)$/, /^tox\.ini$/, /^pytest\.ini$/, /^\.flake8$/];

export const pythonTransform: Transform<PythonFacts> = {
  id: 'python',
  messages: PYTHON_MESSAGES,
  matches: (ref) => isOfficialImage(ref, 'python') || isOfficialImage(ref, 'pypy') || (isOfficialImage(ref, 'django') && /onbuild$/.test(ref.tag ?? '')),
  gather: (ctx, input) => gatherPythonFacts(ctx, input.hasContext),
  plan(input, facts) {
    return withFirstPass(expandPythonOnbuild(input), () =>
      input.base.name === 'django' ? skip(msg('skip/no-transform', { image: input.baseRaw })) : planPython(input, facts));
  },
};

export function planPython(input: TransformInput, facts: PythonFacts): TransformOutcome {
  const { file, stage, base } = input;
  const runtime = slimTagOf(base.tag);
  if (!runtime.ok) return skip(msg('python/variant-unknown', { image: input.baseRaw }));
  const image = officialConfig('python', base.tag);
  const walk = walkStage(file, stage, facts.files, image.env, image.workdir);
  const opaque = walk.opaqueRuns.find((i) => /\b(pip|pipenv|poetry|conda|venv|setup\.py)\b/.test(i.argsText));
  if (opaque) return skip(msg('python/heredoc-install', { line: opaque.line }, opaque.line));

  const found = pythonInstalls(walk);
  if (found.unknown.length) {
    const u = found.unknown[0];
    return skip(msg('python/installer-unknown', { tool: u.tool, line: u.ins.line }, u.ins.line));
  }
  const user = found.pips.find((p) => p.into === 'user');
  if (user) return skip(msg('python/pip-user', { line: user.cmd.ins.line }, user.cmd.ins.line));
  if (found.pips.length && (!facts.hasContext || facts.truncated)) {
    return skip(msg('context/unavailable', { reason: facts.hasContext ? 'the build context has too many files to list' : 'no build context was given: requirements cannot be checked for compiled packages' }));
  }

  const messages: Message[] = [];
  const inlineEdits: TextEdit[] = [];
  const packageDirs: string[] = [];
  const envLines: string[] = [];
  const scriptDirs: string[] = [];
  const major = majorOf(base.tag) ?? 3;

  // Packages into the system site-packages: a virtualenv (Python 3) or a user base (Python 2,
  // which has no venv module) takes them, created right before the first such install.
  const system = found.pips.filter((p) => p.into === 'system');
  if (system.length) {
    const first = system[0].cmd.ins;
    const pyCmd = base.name === 'pypy' ? 'pypy3' : 'python';
    const add = major >= 3
      ? [`RUN ${pyCmd} -m venv ${VENV}`, `ENV PATH="${VENV}/bin:$PATH"`]
      : [`ENV PYTHONUSERBASE=${USER_BASE} PIP_USER=1 PATH="${USER_BASE}/bin:$PATH"`];
    inlineEdits.push({ start: first.lineStart, end: first.lineStart, text: add.map((l) => indentOf(file.text, first) + line(file, l) + file.eol).join('') });
    const dir = major >= 3 ? VENV : USER_BASE;
    packageDirs.push(dir);
    envLines.push(major >= 3 ? `ENV PATH="${VENV}/bin:$PATH"` : `ENV PYTHONUSERBASE=${USER_BASE} PATH="${USER_BASE}/bin:$PATH"`);
    scriptDirs.push(`${dir}/bin`);
    messages.push(msg(major >= 3 ? 'python/venv-inserted' : 'python/user-base', { dir, line: first.line }, first.line));
  }
  for (const v of found.venvs) {
    if (!found.pips.some((p) => p.into === 'venv' && p.dir === v.dir) && !referencesDir(stage.body, v.dir)) continue;
    if (packageDirs.includes(v.dir)) continue;
    packageDirs.push(v.dir);
    scriptDirs.push(`${v.dir}/bin`);
    messages.push(msg('python/venv-copied', { dir: v.dir, line: v.ins.line }, v.ins.line));
  }
  for (const p of found.pips.filter((x) => x.into === 'dir' || (x.into === 'venv' && !packageDirs.includes(x.dir as string)))) {
    const dir = p.dir as string;
    if (packageDirs.includes(dir)) continue;
    packageDirs.push(dir);
    messages.push(msg('python/target-copied', { dir, line: p.cmd.ins.line }, p.cmd.ins.line));
  }

  // Packages compiled against libraries the full image has (and slim has not).
  const nativeLibs = { apt: [] as string[], apk: [] as string[], why: [] as string[] };
  if (runtime.libc === 'glibc' && !runtime.sameAsBuilder) {
    const named = found.pips.flatMap((p) => p.packages.map((n) => ({ pkg: n.toLowerCase().replace(/[<>=!~;[].*$/, ''), where: `line ${p.cmd.ins.line}` })));
    for (const n of [...facts.native, ...named.filter((x) => x.pkg in NATIVE_PACKAGES)]) {
      const lib = libraryPackagesOf(NATIVE_PACKAGES[n.pkg], debianReleaseOfTag(runtime.tag, 12));
      if (lib.apt.every((l) => nativeLibs.apt.includes(l))) continue;
      for (const l of lib.apt) if (!nativeLibs.apt.includes(l)) nativeLibs.apt.push(l);
      for (const l of lib.apk) if (!nativeLibs.apk.includes(l)) nativeLibs.apk.push(l);
      nativeLibs.why.push(`${n.pkg} (${n.where}) links ${lib.apt.join(' ')}`);
    }
  }

  const tag = runtime.tag;
  const repo = withoutDigest(input.baseRaw).replace(/:[^:/]*$/, '');
  return planInterpretedSplit(input, walk, {
    lang: 'python',
    runtimeImage: /\$/.test(repo) ? `${base.registry ? base.registry + '/' : ''}${base.repository}:${tag}` : `${repo}:${tag}`,
    libc: runtime.libc,
    sameAsBuilder: runtime.sameAsBuilder,
    inlineEdits,
    packageDirs,
    envLines,
    nativeLibs,
    installedPrograms: found.pips.length > 0,
    scriptDirs,
    isInterpreter: isPythonName,
    runtimeHas: (p) => /^\/usr\/(local\/)?bin\/(python|pypy)[\d.]*$/.test(p) || packageDirs.some((d) => p.startsWith(d + '/')),
    files: { notRuntime: NOT_RUNTIME, harmless: (c) => harmlessPython(c) },
    contextFiles: facts.files,
    sourceReads: facts.reads,
    toolchainEnv: TOOLCHAIN_ENV,
    messages,
  });
}

/** pip installs of named packages do not write into the folder they run in (`-e .` does). */
function harmlessPython(c: StageCommand): boolean {
  const prog = programName(c.argv);
  const pip = /^pip[\d.]*$/.test(prog) || (isPythonName(prog) && c.argv.includes('-m') && c.argv[c.argv.indexOf('-m') + 1] === 'pip');
  if (pip) return !c.argv.some((a) => a === '-e' || a === '--editable');
  if (isPythonName(prog) && c.argv[1] === '-m' && (c.argv[2] === 'venv' || c.argv[2] === 'compileall')) return c.argv[2] === 'venv';
  return false;
}

/** Whether the stage names a folder (ENV PATH, CMD…): then a venv is used even if no pip ran into it. */
function referencesDir(body: readonly Instr[], dir: string): boolean {
  return body.some((i) => i.keyword !== 'RUN' && i.argsText.includes(dir));
}

function indentOf(text: string, ins: Instr): string {
  return text.slice(ins.lineStart, ins.start);
}

