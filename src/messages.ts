// Every message stageify reports: a stable id, a severity and one line of prose. Code refers to
// ids only; the prose lives in tables: the core ids here, each transform's own in its messages
// module, which it brings to the registry (transforms/index.ts registers them). `{name}`
// placeholders are filled from the message's params.
import type { Message, Severity } from './types';

const CORE_MESSAGES = {
  // input problems (status error)
  'input/empty': ['error', 'the file is empty: not a Dockerfile'],
  'input/binary': ['error', 'the file holds binary data (NUL bytes): not a Dockerfile'],
  'input/no-from': ['error', 'no FROM instruction: not a Dockerfile'],
  'input/bad-from': ['error', 'FROM on line {line} names no image'],
  'input/heredoc': ['error', 'line {line}: {problem}; stageify rewrites only files it fully understands'],
  'input/unknown-instruction': ['error', 'unknown instruction {keyword} on line {line}; stageify rewrites only files it fully understands'],
  'input/unreadable': ['error', '{reason}'],
  'input/not-a-file': ['error', 'not a regular file: {reason}'],
  'input/too-large': ['error', 'the file is larger than {limit}: not a Dockerfile stageify will rewrite'],
  'input/not-found': ['error', '{reason}'],
  'input/no-match': ['error', '{reason}'],
  'input/symlink': ['error', '{reason}'],
  'write/changed-on-disk': ['error', '{reason}'],
  'write/symlink': ['error', '{reason}'],
  'write/failed': ['error', 'cannot write the file: {reason}'],
  'verify/failed': ['error', '{reason}'],
  'check/failed': ['error', 'the rewrite failed its own check ({reason}); the file is left untouched'],
  'internal/error': ['error', 'internal error: {reason}'],

  // files left alone (status skipped)
  'skip/already-multistage': ['info', 'already a multi-stage build ({count} stages): left alone'],
  'skip/already-minimal': ['info', 'already on a minimal base ({image}): left alone'],
  'skip/base-image': ['info', 'contains ONBUILD: this Dockerfile is a base image for others, left alone'],
  'skip/no-transform': ['info', 'no transform for base image {image}: left alone'],
  'skip/unresolved-base': ['warning', 'cannot resolve the base image {image} (a variable with no default): left alone'],
  'skip/heredoc': ['warning', 'line {line} uses a heredoc the parser cannot read reliably: left alone'],
  'skip/not-json-exec-form': ['warning', 'line {line}: {keyword} is not valid JSON ({why}), so Docker runs it as a shell command: {command}; write it as a JSON array or as a shell command, then run stageify again'],
  'skip/exec-form-refused': ['warning', 'line {line}: {keyword} {problem}, so Docker refuses to build this file; {fix}, then run stageify again'],
  'onbuild/unknown-triggers': ['warning', '{image} looks like an ONBUILD image whose triggers stageify does not know; they cannot be written out safely, so the file is left alone'],
  'onbuild/variable-tag': ['warning', 'the onbuild tag comes from a variable ({image}); set the tag literally to let stageify expand its triggers'],
  'context/unavailable': ['warning', 'the build context is needed to tell runtime files from sources ({reason}); pass --context DIR (or --stdin-filepath)'],
  'context/source-missing': ['warning', '{keyword} on line {line} names {source}, which is not in the build context {context}: `docker build` of this file would fail there, so it is left alone; pass --context DIR (or set overrides[].context in the config, or build.context in a compose file) to name the folder it is built from'],
  'context/declared-target': ['warning', 'the build is declared with target {target} (this file\'s stage: {stage}); after the split that name would build the builder stage, not the runtime: left alone — drop the target or name the final stage, then run stageify again'],
  'context/declared-arg': ['warning', 'the build is declared with ARG {name}={value}, not the default {default} on line {line}; stageify plans with the file\'s own values: left alone — make the default the value the build uses, then run stageify again'],
  'context/declarations-differ': ['warning', 'built by {count} declarations with different plans ({builds}): one rewrite cannot serve them all, left alone — give the file one context and set of args, or split it'],
  'context/declarations-unreadable': ['warning', '{file}{line}: {reason}; its builds are not known, so this file is planned against the {source} context'],
  'onbuild/repo-base-unusable': ['warning', '{image} is built in this repository from {file}, but {why}: its ONBUILD triggers cannot be written out here, so the file is left alone'],

  // the rewrite (status changed)
  'onbuild/expanded': ['info', 'expanded the ONBUILD triggers of {image} and built from {builder} instead (onbuild images are deprecated and unpatched)'],
  'onbuild/repo-base-expanded': ['info', '{image} is built in this repository from {file}: wrote out its lines and ONBUILD triggers and built from {builder} instead ({file} itself is left as it is)'],
  'onbuild/go-wrapper-replaced': ['info', 'replaced go-wrapper (gone from golang images since 1.10) with the go commands it ran'],
  'runtime/base': ['info', 'runtime base {image}: {why}'],
  'runtime/nonroot-user': ['info', 'the original ran as root without saying so; the runtime runs as non-root {user} (use --user root to keep root)'],
  'runtime/user-kept': ['info', 'USER {user} kept as written'],
  'runtime/root-home': ['info', 'the app lives under /root (line {line}), which only root may enter: the runtime runs as root, as the original did; move the app out of /root (e.g. to /app) to run it as non-root'],
  'runtime/implicit-workdir': ['info', 'the builder image {image} works in {dir} without a WORKDIR line; the runtime stage sets WORKDIR {dir} so the program starts where it did'],
  'runtime/vars-resolved': ['info', '{vars} only defined in the builder (its image or a build-only ENV): written as their values in the runtime stage ({values})'],
  'runtime/env-from-builder': ['info', 'the start command reads {vars}, which only the builder defines; the runtime stage sets {values}'],
  'runtime/writable-dirs': ['info', 'the original ran as root and could write anywhere; the runtime user {user} owns {dirs} (working directory, volumes and the files copied there). If the program writes elsewhere, give that folder the same owner, or pass --user root'],
  'runtime/passwd-copied': ['info', 'user {user} is defined in the builder: /etc/passwd and /etc/group copied so the name resolves'],
  'runtime/files-copied': ['info', 'runtime files copied to the final stage: {files}'],
  'runtime/embedded-skipped': ['info', 'not copied, embedded into the binary with go:embed: {files}'],
  'runtime/files-many': ['warning', 'more than {limit} runtime files and folders next to the sources; copied the whole folder {dir}'],
  'runtime/ca-certs': ['info', 'CA certificates copied from the builder ({image} has none; HTTPS would fail with x509 errors)'],
  'runtime/tzdata': ['info', 'time zone database copied from the builder with ZONEINFO set ({image} has none; time.LoadLocation would fail)'],
  'runtime/exec-form': ['info', '{keyword} on line {line} converted to exec form: the runtime has no /bin/sh and the command uses no shell feature'],
  'runtime/shell-kept': ['info', '{keyword} on line {line} needs a shell ({features}); runtime uses a base with a shell'],
  'runtime/cmd-ignored': ['info', 'CMD on line {line} is not run: the shell-form ENTRYPOINT on line {entrypoint} starts `/bin/sh -c` without it; CMD is carried as written and not checked'],
  'runtime/path-env': ['info', 'PATH set so `{program}` is found in {dir} as in the builder'],
  'runtime/shell-path': ['info', '{keyword} on line {line} names {shell}; the runtime has no /bin/sh, so it runs {replacement} (busybox), the same POSIX shell language'],
  'runtime/healthcheck-tool': ['warning', 'HEALTHCHECK on line {line} calls {tool}, which the runtime image does not have; left alone — pass --runtime with an image that has it'],
  'runtime/healthcheck-shell': ['info', 'HEALTHCHECK on line {line} is in shell form, which the Docker daemon runs with /bin/sh whatever SHELL says, and the runtime has no /bin/sh: written as exec form with {shell} -c, the same POSIX shell language'],
  'runtime/tool-busybox': ['info', '{keyword} on line {line} calls `{call}`: the runtime runs `{replacement}` (busybox), which fails on the same HTTP errors; {image}, about {size} MB'],
  'runtime/tool-installed': ['info', '{keyword} on line {line} calls {tool} ({why}): the runtime {image} installs {packages} as the builder has it, about {size} MB'],
  'runtime/tool-not-in-builder': ['warning', '{keyword} on line {line} calls {tool}, which the builder image {image} does not have and no RUN installs, so the original cannot run it either; left alone — install it in the Dockerfile, then run stageify again'],
  'runtime/program-missing': ['warning', '{keyword} on line {line} runs {program}, which the runtime image would not have; left alone'],
  'runtime/libc-mismatch': ['warning', 'the binary needs glibc (cgo) but runtime {image} has {libc}; left alone — choose a glibc runtime'],
  'runtime/custom-image': ['warning', 'runtime image {image} given by --runtime: stageify cannot check what it contains'],
  'runtime/custom-shell': ['warning', 'SHELL on line {line} sets a shell the runtime image may not have; left alone'],
  'runtime/moved': ['info', 'moved to the runtime stage: {keywords}'],
  'runtime/carried': ['info', 'repeated in the runtime stage: {keywords}'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type MessageTable = Readonly<Record<string, readonly [Severity, string]>>;

/**
 * The ids of the transforms' tables. Each transform's messages module adds its own by declaration
 * merging (`interface TransformMessageIds extends Record<keyof typeof ITS_TABLE, true> {}`), so an id
 * is checked at compile time wherever it is used.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TransformMessageIds {}

export type MessageId = keyof typeof CORE_MESSAGES | keyof TransformMessageIds;

/** The one table: the core ids and every registered transform's own. */
export const MESSAGES: Record<string, readonly [Severity, string]> = { ...CORE_MESSAGES };

/** Adds a transform's table. An id is registered once (the same table again is a no-op). */
export function registerMessages(table: MessageTable): void {
  for (const [id, entry] of Object.entries(table)) {
    const had = MESSAGES[id];
    if (had && had !== entry) throw new Error(`message id ${id} is registered twice`);
    MESSAGES[id] = entry;
  }
}

export type Params = Record<string, string | number>;

const MAX_PARAM = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** A parameter as it may appear on a terminal: control characters escaped, long values cut. */
function shown(value: string): string {
  if (value.length <= MAX_PARAM && !CONTROL.test(value)) return value;
  const safe = value.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > MAX_PARAM ? `${safe.slice(0, MAX_PARAM)}…` : safe;
}

/**
 * A template cut at its `{name}` placeholders: literal text at even indexes, parameter names at
 * odd ones. Cut once per message id, so a batch of thousands of files does not scan every template
 * again with a regular expression for each message.
 */
const pieces = new Map<string, readonly string[]>();

function piecesOf(template: string): readonly string[] {
  let p = pieces.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    pieces.set(template, p);
  }
  return p;
}

export function msg(id: MessageId, params: Params = {}, line?: number): Message {
  const entry = MESSAGES[id];
  if (!entry) throw new Error(`message id ${id} is not registered (its transform's table was not loaded)`);
  const [severity, template] = entry;
  let text: string = template;
  if (template.includes('{')) {
    const p = piecesOf(template);
    text = p[0];
    for (let k = 1; k < p.length; k += 2) {
      const name = p[k];
      text += (name in params ? shown(String(params[name])) : `{${name}}`) + p[k + 1];
    }
  }
  const m: Message = line === undefined ? { id, severity, text } : { id, severity, text, line };
  return m;
}
