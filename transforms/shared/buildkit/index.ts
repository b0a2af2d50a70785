// The BuildKit pass (opt-in: --buildkit, or "buildkit" in the config): run on a rewrite a
// transform produced, it makes the builder stage build fast where that is provably safe —
// dependency-first layers, cache mounts for the toolchain's caches, cross-compilation — and says
// why not elsewhere. It edits the rewrite by text ranges; the engine checks the result again.
// It never adds a `# syntax=` directive: the frontend built into Docker 20.10 and later reads
// RUN --mount and FROM --platform, and a directive would make BuildKit fetch an image.
import type { ContextFS } from '../../../src/context';
import { parseDockerfile } from '../../../src/dockerfile';
import { applyEdits } from '../../../src/edits';
import { msg } from '../../../src/messages';
import type { Message, TextEdit, TransformOptions } from '../../../src/types';
import { argvs, builderImage, builderView, isPlainRun, isUnder, destDir } from './builder';
import type { BuilderView, RunView } from './builder';
import { dotnetToolchain } from './dotnet';
import { goToolchain } from './go';
import { javaToolchain } from './java';
import { nodeToolchain } from './node';
import { pythonToolchain } from './python';
import { rubyToolchain } from './ruby';
import { rustToolchain } from './rust';
import { isRefusal } from './toolchain';
import type { CacheSpec, PassState, Toolchain } from './toolchain';

export { BUILDKIT_MESSAGES } from './messages';

export interface BuildkitFeatures {
  cacheMounts: boolean;
  depsFirst: boolean;
  cross: boolean;
}

/** The features the option turns on, or null when it is off. */
export function buildkitFeatures(option: TransformOptions['buildkit']): BuildkitFeatures | null {
  if (!option) return null;
  if (option === true) return { cacheMounts: true, depsFirst: true, cross: true };
  const f = { cacheMounts: option.cacheMounts === true, depsFirst: option.depsFirst === true, cross: option.cross === true };
  return f.cacheMounts || f.depsFirst || f.cross ? f : null;
}

const TOOLCHAINS: Readonly<Record<string, Toolchain>> = {
  go: goToolchain,
  node: nodeToolchain,
  python: pythonToolchain,
  ruby: rubyToolchain,
  rust: rustToolchain,
  java: javaToolchain,
  dotnet: dotnetToolchain,
};

export interface BuildkitResult {
  /** The rewrite with the features applied (the input text when none applied). */
  text: string;
  /** Messages naming lines of the input text. */
  messages: Message[];
}

/** Applies the features to a rewrite made by the transform `transformId`. */
export function applyBuildkit(text: string, transformId: string, ctx: ContextFS, features: BuildkitFeatures): BuildkitResult {
  const toolchain = TOOLCHAINS[transformId];
  const view = toolchain ? builderView(parseDockerfile(text)) : null;
  if (!toolchain || !view) return { text, messages: [] };
  const messages: Message[] = [];
  const edits: TextEdit[] = [];
  const toolRuns = view.runs.filter((r) => argvs(r).some((a) => toolchain.invokes(a)));

  let mountText = '';
  if (features.cacheMounts) {
    const planned = planMounts(view, toolchain, toolRuns);
    messages.push(...planned.messages);
    mountText = planned.mountText;
    edits.push(...planned.edits);
  }
  const state: PassState = { view, ctx, mountText };

  if (features.depsFirst) {
    const plan = view.copyAll ? toolchain.depsFirst(state) : null;
    if (plan && isRefusal(plan)) messages.push(msg('buildkit/deps-first-refused', { why: plan.refuse }, view.copyAll!.ins.line));
    else if (plan) {
      edits.push(...plan.edits);
      messages.push(msg('buildkit/deps-first', { manifests: plan.manifests.join(', '), command: plan.command, line: view.copyAll!.ins.line }, view.copyAll!.ins.line));
    }
  }
  if (mountText) {
    for (const r of toolRuns) edits.push({ start: r.ins.argsStart, end: r.ins.argsStart, text: mountText });
  }
  if (features.cross) {
    const cross = toolchain.cross ? toolchain.cross(state) : { refuse: toolchain.noCross };
    if (cross && isRefusal(cross)) messages.push(msg('buildkit/cross-refused', { why: cross.refuse }));
    else if (cross) {
      edits.push(...cross.edits);
      messages.push(...cross.messages);
    }
  }
  return { text: edits.length ? applyEdits(text, edits) : text, messages };
}

/** Which of the toolchain's caches can be mounted on its RUNs, and the flags that mount them. */
function planMounts(view: BuilderView, tc: Toolchain, toolRuns: RunView[]): { mountText: string; messages: Message[]; edits: TextEdit[] } {
  if (!tc.caches.length) {
    return { mountText: '', edits: [], messages: tc.noCaches ? [msg('buildkit/cache-mount-refused', { caches: `${tc.name}`, why: tc.noCaches })] : [] };
  }
  if (!toolRuns.length) return { mountText: '', messages: [], edits: [] };
  const messages: Message[] = [];
  for (const n of tc.notMounted ?? []) messages.push(msg('buildkit/cache-mount-refused', { caches: n.label, why: n.why }));
  const accepted: CacheSpec[] = [];
  const refuse = (caches: string, why: string) => messages.push(msg('buildkit/cache-mount-refused', { caches, why }));
  const whole = mountsRefused(view, tc, toolRuns);
  if (whole) {
    refuse(tc.caches.map((c) => c.label).join(', '), whole);
    return { mountText: '', messages, edits: [] };
  }
  for (const spec of tc.caches) {
    const why = cacheRefused(view, tc, toolRuns, spec);
    if (why) refuse(spec.label, why);
    else accepted.push(spec);
  }
  if (!accepted.length) return { mountText: '', messages, edits: [] };
  const edits: TextEdit[] = [];
  const drop = new Set(accepted.flatMap((c) => c.drop ?? []));
  for (const r of toolRuns) {
    for (const c of r.commands ?? []) {
      if (!tc.invokes(c.argv)) continue;
      const words = c.words.slice(c.assigned.size);
      words.forEach((w, k) => {
        if (k > 0 && drop.has(w.value) && !w.quoted) {
          // The word and the blanks before it.
          let start = w.start;
          while (start > 0 && (view.text[start - 1] === ' ' || view.text[start - 1] === '\t')) start--;
          edits.push({ start, end: w.end, text: '' });
        }
      });
    }
  }
  const mountText = accepted.map((c) => `--mount=type=cache,target=${c.target} `).join('');
  messages.unshift(msg('buildkit/cache-mount', { lines: toolRuns.map((r) => `line ${r.ins.line}`).join(', '), caches: accepted.map((c) => c.label).join(', ') }, toolRuns[0].ins.line));
  return { mountText, messages, edits };
}

/** A reason no cache can be mounted on these RUNs at all. */
function mountsRefused(view: BuilderView, tc: Toolchain, toolRuns: RunView[]): string | null {
  for (const r of toolRuns) {
    if (r.mounted) return `line ${r.ins.line} already has a --mount of its own`;
    if (r.user !== null && !/^(root|0)(:(root|0))?$/.test(r.user)) return `line ${r.ins.line} runs as USER ${r.user}: the cache folders are root's`;
  }
  return null;
}

function cacheRefused(view: BuilderView, tc: Toolchain, toolRuns: RunView[], spec: CacheSpec): string | null {
  for (const v of spec.movedBy) {
    if (view.envNames.has(v)) return `the stage sets ${v}, so the cache is not at ${spec.target}`;
    if (toolRuns.some((r) => r.commands?.some((c) => c.assigned.has(v)))) return `a command sets ${v}, so the cache is not at ${spec.target}`;
  }
  const out = view.copiedOut.find((p) => isUnder(p.startsWith('/') ? p : `/${p}`, spec.target));
  if (out) return `a later stage copies ${out} from the builder, which a cache mount would hide`;
  for (const ins of view.stage.body) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const m = /(\S+)\s*$/.exec(ins.argsText.replace(/\\\r?\n/g, ' '));
    const dest = m ? destDir(m[1], null) : null;
    if (dest && isUnder(dest, spec.target)) return `line ${ins.line} writes into ${spec.target}, which a cache mount would hide`;
  }
  const unused = spec.unused?.(view.envNames);
  if (unused) return unused;
  if (spec.store) {
    const image = builderImage(view);
    if (!image || !tc.officialImage.test(image.name)) {
      return `the builder image ${view.stage.image ?? ''} is not the official one, which ships ${spec.target} empty; a mount would hide what it holds`;
    }
    const other = view.runs.find((r) => !toolRuns.includes(r) && !isPlainRun(r));
    if (other) return `line ${other.ins.line} may run ${tc.name} without the mount, and would not see what the mounted steps put there`;
  }
  return null;
}

export type { BuilderView };
