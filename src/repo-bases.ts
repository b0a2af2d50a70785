// The images a repository builds itself, as the engine looks them up: image reference → the
// Dockerfile it is built from. Files are read when a FROM first names their image, once.
import { imageKey } from './build-declarations';
import type { BuildDeclaration } from './build-declarations';
import { readRegularText } from './read-bytes';
import type { RepoBase, RepoBaseLookup } from './onbuild-base';
import type { OnbuildBaseFile } from './types';

const MAX_BASE_BYTES = 1024 * 1024;

/**
 * A lookup over `bases` (image → path, or path and text; these win) and the images the repository's
 * declarations build (keyed by imageKey); a file that cannot be read is no base.
 */
export function repoBaseLookup(
  bases: Readonly<Record<string, string | OnbuildBaseFile>>, declared?: ReadonlyMap<string, BuildDeclaration>,
): RepoBaseLookup | undefined {
  const byKey = new Map<string, OnbuildBaseFile>();
  for (const [image, b] of Object.entries(bases)) byKey.set(imageKey(image), typeof b === 'string' ? { path: b } : b);
  if (!byKey.size && !declared?.size) return undefined;
  const find = (key: string): OnbuildBaseFile | undefined => {
    const named = byKey.get(key);
    if (named) return named;
    const d = declared?.get(key);
    return d ? { path: d.dockerfile, args: d.args } : undefined;
  };
  const read = new Map<string, RepoBase | null>();
  return (image) => {
    let key: string;
    try {
      key = imageKey(image);
    } catch {
      return null;
    }
    const b = find(key);
    if (!b) return null;
    if (read.has(key)) return read.get(key)!;
    let text = b.text;
    if (text === undefined) {
      const r = readRegularText(b.path, MAX_BASE_BYTES);
      text = 'kind' in r ? undefined : r.text;
    }
    const v = text === undefined ? null : { path: b.path, text, args: b.args };
    read.set(key, v);
    return v;
  };
}
