// The two shapes of a dependency-first layer:
// - a download inserted before `COPY . <dir>` (Go, Rust, Maven: the build downloads what is missing
//   anyway, so the extra step changes what is cached, not what is built);
// - the user's own install moved before the rest of the sources (npm, pip, bundler): `COPY . <dir>`
//   becomes a COPY of the manifests, and the whole-context COPY follows the install.
import { kw } from '../../../src/dockerfile';
import type { Instr } from '../../../src/dockerfile';
import type { TextEdit } from '../../../src/types';
import { destDir, manifestDest } from './builder';
import type { RunView } from './builder';
import type { DepsPlan, PassState, Refusal } from './toolchain';

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

/** Checks that the manifests exist in the context and have names a COPY can carry as written. */
export function checkManifests(state: PassState, manifests: readonly string[]): Refusal | null {
  for (const m of manifests) {
    if (!SAFE_NAME.test(m) || m.includes('..')) return { refuse: `the manifest ${m} has a name stageify does not write into a COPY` };
    if (state.ctx.kind(m) !== 'file') return { refuse: `${m} is not in the build context (or .dockerignore leaves it out)` };
  }
  return null;
}

/** The whole-context COPY must land where the install runs. */
export function sameFolder(state: PassState, run: RunView): Refusal | null {
  const copy = state.view.copyAll!;
  const dir = destDir(copy.dest, copy.workdir);
  const same = copy.dest === '.' || copy.dest === './' ? copy.workdir === run.workdir : dir !== null && dir === run.workdir;
  if (!same) return { refuse: `line ${run.ins.line} does not run in the folder the sources are copied to (${copy.dest})` };
  if (run.commands?.some((c) => c.argv[0] === 'cd')) return { refuse: `line ${run.ins.line} changes folder (cd)` };
  return null;
}

/** A download step written before `COPY . <dir>`. */
export function insertDownload(state: PassState, manifests: readonly string[], command: string): DepsPlan | Refusal {
  const { view, mountText } = state;
  const copy = view.copyAll!;
  const bad = checkManifests(state, manifests);
  if (bad) return bad;
  const text =
    `${kw(view.file, 'COPY')} ${copy.flagsText}${manifests.join(' ')} ${manifestDest(copy.dest)}${view.eol}` +
    `${kw(view.file, 'RUN')} ${mountText}${command}${view.eol}`;
  return { edits: [{ start: copy.ins.lineStart, end: copy.ins.lineStart, text }], manifests: [...manifests], command };
}

const BETWEEN_OK = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE']);

/**
 * Moves the install (the first command of `run`) before the rest of the sources: `COPY . <dir>`
 * becomes a COPY of the manifests, and comes back right after the install. Instructions between
 * the two may only be ENV/ARG/LABEL/EXPOSE, or RUNs `allowBetween` accepts (they read no file).
 */
export function moveInstall(
  state: PassState, run: RunView, manifests: readonly string[], allowBetween: (r: RunView) => boolean,
): DepsPlan | Refusal {
  const { view } = state;
  const copy = view.copyAll!;
  const bad = checkManifests(state, manifests) ?? sameFolder(state, run);
  if (bad) return bad;
  const end = view.indexOf.get(run.ins)!;
  for (const ins of view.stage.body.slice(copy.index + 1, end)) {
    if (BETWEEN_OK.has(ins.keyword)) continue;
    const r = ins.keyword === 'RUN' ? view.runs.find((x) => x.ins === ins) : undefined;
    if (r && allowBetween(r)) continue;
    return { refuse: `line ${ins.line} (${ins.keywordRaw}) comes between the COPY and the install and may read the sources` };
  }
  const cmds = run.commands!;
  const copyText = view.text.slice(copy.ins.start, copy.ins.end);
  const edits: TextEdit[] = [{
    start: copy.ins.start, end: copy.ins.end,
    text: `${kw(view.file, 'COPY')} ${copy.flagsText}${manifests.join(' ')} ${manifestDest(copy.dest)}`,
  }];
  if (cmds.length === 1) {
    edits.push({ start: run.ins.lineEnd, end: run.ins.lineEnd, text: copyText + view.eol });
  } else {
    const split = splitAfterFirst(state, run.ins, cmds[0].words[cmds[0].words.length - 1].end, cmds[1].words[0].start);
    if ('refuse' in split) return split;
    edits.push({ start: split.cut, end: run.ins.end, text: `${view.eol}${copyText}${view.eol}${kw(view.file, 'RUN')} ${view.text.slice(split.rest, run.ins.end)}` });
  }
  return { edits, manifests: [...manifests], command: cmds[0].argv.join(' ') };
}

/** `install && rest`: where the install ends and the rest starts; anything but `&&` is refused. */
function splitAfterFirst(state: PassState, ins: Instr, firstEnd: number, restStart: number): { cut: number; rest: number } | Refusal {
  if (/^\s*--/.test(ins.argsText)) return { refuse: `line ${ins.line} has RUN flags that would have to be split too` };
  const esc = state.view.file.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const between = state.view.text.slice(firstEnd, restStart);
  const cont = `(?:${esc}[ \\t]*\\r?\\n[ \\t]*)?`;
  if (!new RegExp(`^[ \\t]*${cont}&&[ \\t]*${cont}$`).test(between)) {
    return { refuse: `line ${ins.line} joins the install to what follows with something other than \`&&\`` };
  }
  return { cut: firstEnd, rest: restStart };
}
