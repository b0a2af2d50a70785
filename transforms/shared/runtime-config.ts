// What the runtime stage must be given so that the instructions moved or repeated there mean what
// they meant in the builder: the builder image's implicit WORKDIR, the values of variables that
// only the builder defines (its image's ENV, or an ENV line that stays in the builder), and, when
// stageify chose a non-root user, folders that user may write as root could before.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { initialArgValues } from '../../src/dockerfile';
import { expandVars, parseImageRef, referencedVars } from '../../src/image-ref';
import type { ImageRef } from '../../src/image-ref';
import { imageConfigOf, STD_PATH } from './image-config';
import type { ImageConfig } from './image-config';
import { execForm, joinContinuations, properties } from './instructions';
import type { Carried } from './split';

/** Instructions whose arguments Docker expands from ENV and ARG while building. */
const BUILD_EXPANDED = new Set(['WORKDIR', 'VOLUME', 'USER', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'ENV', 'ARG']);
/** Instructions whose shell form a shell expands from the container's environment at run time. */
const RUN_TIME_SHELL = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** Folders every runtime user may write already. */
const WRITABLE_ALWAYS = new Set(['/tmp', '/var/tmp', '/dev/shm']);

export interface RuntimeConfig {
  /** The builder image's config, when stageify knows the image. */
  image: ImageConfig | null;
  /** The builder image's WORKDIR, when the runtime stage must set it (no absolute WORKDIR of its own). */
  implicitWorkdir: string | null;
  /** `ENV` values a shell-form start command reads that only the builder defines. */
  env: [string, string][];
  /** Carried instruction texts with builder-only variables replaced by their values. */
  texts: Map<Instr, string>;
  /** Variables so replaced (name → value). */
  resolved: Map<string, string>;
  /** The working directory of the runtime stage at its end. */
  workdir: string;
  /** VOLUME paths of the runtime stage. */
  volumes: string[];
}

/** The builder's image: a new one written by the transform, else the FROM's, with global ARGs expanded. */
export function builderImageRef(file: ParsedDockerfile, stage: Stage, builderImage: string | undefined): ImageRef | null {
  const raw = builderImage ?? stage.image;
  if (!raw) return null;
  const args = initialArgValues(file);
  const expanded = expandVars(raw, (n) => args.get(n) ?? undefined, file.escape);
  return expanded === null ? null : parseImageRef(expanded);
}

/**
 * Walks the stage as the builder sees it (image config first, then its ENV, ARG and WORKDIR lines)
 * and works out what the carried instructions need in the runtime stage.
 */
export function planRuntimeConfig(file: ParsedDockerfile, stage: Stage, builder: ImageRef | null, carried: readonly Carried[]): RuntimeConfig {
  const image = builder ? imageConfigOf(builder) : null;
  const env = new Map<string, string>(image?.env ?? [['PATH', STD_PATH]]);
  // What the runtime stage defines itself: its image's PATH, and what carried ENV/ARG lines set.
  const visible = new Set<string>(['PATH']);
  const byIns = new Map(carried.map((c) => [c.ins, c]));
  const texts = new Map<Instr, string>();
  const resolved = new Map<string, string>();
  const runEnv = new Map<string, string>();
  const lookup = (n: string) => env.get(n);

  for (const ins of stage.body) {
    const c = byIns.get(ins);
    if (c) {
      const text = c.text ?? file.text.slice(ins.start, ins.end);
      const hidden = new Map<string, string>();
      for (const name of referencedVars(text)) {
        const value = env.get(name);
        if (value !== undefined && !visible.has(name)) hidden.set(name, value);
      }
      if (hidden.size && BUILD_EXPANDED.has(ins.keyword)) {
        const out = substituteVars(text, hidden, file.escape);
        if (out !== text) {
          texts.set(ins, out);
          for (const [n, v] of hidden) resolved.set(n, v);
        }
      } else if (hidden.size && RUN_TIME_SHELL.has(ins.keyword) && !isExecForm(ins, text, file.escape)) {
        for (const [n, v] of hidden) runEnv.set(n, v);
      }
    }
    if (ins.keyword === 'ENV') {
      for (const p of properties(ins)) {
        const value = expandVars(p.value ?? '', lookup, file.escape);
        if (value === null) env.delete(p.name);
        else env.set(p.name, value);
        if (c) visible.add(p.name);
      }
    } else if (ins.keyword === 'ARG') {
      for (const p of properties(ins)) {
        if (p.value !== null && !env.has(p.name)) {
          const value = expandVars(p.value, lookup, file.escape);
          if (value !== null) env.set(p.name, value);
        }
        if (c) visible.add(p.name);
      }
    }
  }
  // A runtime env line makes the name visible to later lines too; it is set before any of them.
  for (const n of runEnv.keys()) resolved.delete(n);

  // The working directory: the builder image's, unless the carried lines set an absolute one first.
  const workdirs = carried.filter((c) => c.ins.keyword === 'WORKDIR').map((c) => argsOf(texts.get(c.ins) ?? c.text ?? file.text.slice(c.ins.start, c.ins.end)));
  const imageWorkdir = image?.workdir ?? '/';
  const implicitWorkdir = imageWorkdir !== '/' && !(workdirs.length && workdirs[0].startsWith('/')) ? imageWorkdir : null;
  let workdir = implicitWorkdir ?? '/';
  for (const w of workdirs) {
    const value = expandVars(w, lookup, file.escape) ?? w;
    workdir = posix.resolve(workdir, unquote(value));
  }
  const volumes: string[] = [];
  for (const c of carried) {
    if (c.ins.keyword !== 'VOLUME') continue;
    const args = argsOf(texts.get(c.ins) ?? c.text ?? file.text.slice(c.ins.start, c.ins.end));
    const list = execForm(args) ?? args.split(/\s+/).filter(Boolean);
    for (const v of list) {
      const value = expandVars(v, lookup, file.escape);
      if (value !== null && value !== '') volumes.push(posix.resolve(workdir, unquote(value)));
    }
  }
  return { image, implicitWorkdir, env: [...runEnv], texts, resolved, workdir, volumes };
}

/** Folders the runtime user must own: the working directory and the volumes, but not / or /tmp. */
export function writableDirs(cfg: RuntimeConfig): string[] {
  const out: string[] = [];
  for (const d of [cfg.workdir, ...cfg.volumes]) {
    if (d === '/' || WRITABLE_ALWAYS.has(d) || out.includes(d)) continue;
    out.push(d);
  }
  return out;
}

/** Whether a path is a folder of the list or inside one. */
export function insideAny(path: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'));
}

/**
 * Replaces `$NAME` and `${NAME…}` for the names given, leaving every other reference (and escaped
 * dollars) as written.
 */
export function substituteVars(text: string, values: ReadonlyMap<string, string>, escape = '\\'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && text[i + 1] === '$') {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      const body = close < 0 ? '' : text.slice(i + 2, close);
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body)?.[0];
      if (close >= 0 && name && values.has(name) && !body.slice(name.length).includes('$')) {
        const v = expandVars(text.slice(i, close + 1), (n) => values.get(n), escape);
        if (v !== null) {
          out += v;
          i = close;
          continue;
        }
      }
      out += ch;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, i + 200));
    if (m && values.has(m[0])) {
      out += values.get(m[0]);
      i += m[0].length;
      continue;
    }
    out += ch;
  }
  return out;
}

function isExecForm(ins: Instr, text: string, escape: string): boolean {
  const args = argsOf(joinContinuations(text, escape)).replace(/^(--[a-z-]+=\S*\s+)*/i, '');
  const body = ins.keyword === 'HEALTHCHECK' ? args.replace(/^CMD\s+/i, '') : args;
  return execForm(body) !== null;
}

/** The arguments of an instruction's text (after its keyword). */
function argsOf(text: string): string {
  return text.replace(/^\s*[A-Za-z]+\s*/, '').trim();
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
