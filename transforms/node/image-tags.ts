// Node and io.js image tags: the version they name, the builder an onbuild tag stands for, and the
// runtime image of the same version.
import type { ImageRef } from '../../src/image-ref';

/** Release codenames of Node LTS lines, as node image tags use them (`node:iron`). */
export const CODENAMES: Readonly<Record<string, number>> = {
  argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24,
};

/** Node majors with a `gcr.io/distroless/nodejs<major>-debian12` image. */
export const DISTROLESS_MAJORS = new Set([18, 20, 22, 24]);

/** Last line of each onbuild family: `node:onbuild` was 8.x, `iojs:onbuild` 3.3. */
const LAST_ONBUILD: Readonly<Record<string, string>> = { node: '8', iojs: '3.3' };

export type Family = 'node' | 'iojs';

export function isOnbuildTag(tag: string | null): boolean {
  return tag !== null && /(^|-)onbuild$/.test(tag);
}

/** The non-onbuild tag an onbuild tag stands for (`8.9-onbuild` → `8.9`, `onbuild` → `8`). */
export function builderTagOfOnbuild(family: Family, tag: string): string {
  if (tag === 'onbuild') return LAST_ONBUILD[family];
  return tag.replace(/-onbuild$/, '');
}

/** Node major of a tag (`20.11-bookworm` → 20, `iron` → 20), or null (`latest`, `lts`, io.js). */
export function majorOfTag(family: Family, tag: string | null): number | null {
  if (family !== 'node' || !tag) return null;
  const m = /^(\d+)(?:\.|-|$)/.exec(tag);
  if (m) return Number(m[1]);
  const name = tag.split('-')[0];
  return CODENAMES[name] ?? null;
}

/** Whether the tag is already a runtime-sized variant (slim or alpine). */
export function runtimeVariant(tag: string | null): 'slim' | 'alpine' | null {
  if (!tag) return null;
  if (/(^|-)slim($|-)/.test(tag)) return 'slim';
  if (/alpine/.test(tag)) return 'alpine';
  return null;
}

/**
 * The slim tag of the same version: `20` → `20-slim`, `20-bookworm` → `20-bookworm-slim`,
 * `latest`/none → `slim`. Slim and alpine tags stay as they are (alpine keeps musl for addons).
 */
export function slimTag(tag: string | null): string {
  if (!tag || tag === 'latest') return 'slim';
  if (runtimeVariant(tag)) return tag;
  return `${tag}-slim`;
}

/** `[registry/]repository` of a reference as written (variables kept), and its tag as written. */
export function splitRaw(raw: string): { repo: string; tag: string | null } {
  const noDigest = raw.replace(/@[^@/]*$/, '');
  // The last colon outside `${…}` (where `:-` is a default, not a tag separator).
  let colon = -1;
  let depth = 0;
  for (let i = 0; i < noDigest.length; i++) {
    if (noDigest[i] === '$' && noDigest[i + 1] === '{') depth++;
    else if (noDigest[i] === '}' && depth > 0) depth--;
    else if (noDigest[i] === ':' && depth === 0) colon = i;
  }
  if (colon >= 0 && noDigest.indexOf('/', colon) < 0) return { repo: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { repo: noDigest, tag: null };
}

/**
 * The slim runtime image for a builder written as `raw` (expanded: `ref`). Registry and repository
 * are kept as written (mirrors keep working); a tag held in a variable stays a variable
 * (`node:${NODE_VERSION}` → `node:${NODE_VERSION}-slim`) unless it expands to slim/alpine.
 */
export function slimImage(raw: string, ref: ImageRef): string {
  const { repo, tag } = splitRaw(raw);
  if (tag && tag.includes('$') && !runtimeVariant(ref.tag)) return `${repo}:${tag}-slim`;
  const base = repo.includes('$') ? (ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository) : repo;
  return `${base}:${slimTag(ref.tag)}`;
}

export function distrolessImage(major: number, nonroot: boolean): string {
  return `gcr.io/distroless/nodejs${major}-debian12${nonroot ? ':nonroot' : ''}`;
}

/** npm 7+ (Node 15+) spells it `--omit=dev`; older npm only knows `--production`. */
export function pruneFlag(family: Family, major: number | null): string {
  if (family === 'iojs') return '--production';
  return major !== null && major < 15 ? '--production' : '--omit=dev';
}
