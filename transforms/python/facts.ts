// What the Python transform reads from the build context: the file list, and the dependency
// files that name packages compiled against libraries the full image has and slim lacks.
import type { ContextFS } from '../../src/context';
import { gatherSourceReads } from '../shared/interpreted/folder-reads';
import type { SourceReads } from '../shared/interpreted/folder-reads';

export interface PythonFacts {
  hasContext: boolean;
  files: string[];
  truncated: boolean;
  /** Source-built packages found: `psycopg2 in requirements.txt`. */
  native: { pkg: string; where: string }[];
  /** What the sources list, serve or name (os.listdir, send_from_directory, 'README.md'). */
  reads: { sources: SourceReads[]; incomplete: string | null };
}

/**
 * Packages with no self-contained wheels that compile against a system library of the full image
 * (buildpack-deps has the headers): the runtime needs the library itself, whose packages the
 * native library map (transforms/shared/native-libs.json) gives for these development packages.
 * Binary wheels (psycopg2-binary, lxml, Pillow…) carry their libraries and need nothing.
 */
export const NATIVE_PACKAGES: Record<string, { apt: string; apk: string }> = {
  psycopg2: { apt: 'libpq-dev', apk: 'libpq-dev' },
  mysqlclient: { apt: 'default-libmysqlclient-dev', apk: 'mariadb-connector-c-dev' },
  'mysql-python': { apt: 'default-libmysqlclient-dev', apk: 'mariadb-connector-c-dev' },
};

const DEP_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|pyproject\.toml|setup\.py|setup\.cfg|Pipfile)$/;
const MAX_DEP_FILES = 50;

export function gatherPythonFacts(ctx: ContextFS, hasContext: boolean): PythonFacts {
  const { files, truncated } = hasContext ? ctx.listFiles() : { files: [], truncated: true };
  const native: PythonFacts['native'] = [];
  for (const f of files.filter((x) => DEP_FILE.test(x)).slice(0, MAX_DEP_FILES)) {
    const text = ctx.readText(f);
    if (text === null) continue;
    for (const pkg of nativePackagesIn(text)) native.push({ pkg, where: f });
  }
  return { hasContext, files, truncated, native, reads: gatherSourceReads(ctx, files, truncated, 'python') };
}

/** Names of NATIVE_PACKAGES a requirements/pyproject/setup text requires. */
export function nativePackagesIn(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const l = raw.replace(/#.*$/, '');
    for (const m of l.matchAll(/(?:^|["'\s,\[=])([A-Za-z][A-Za-z0-9._-]*)/g)) {
      const name = m[1].toLowerCase().replace(/_/g, '-');
      if (name in NATIVE_PACKAGES) found.add(name);
    }
  }
  return [...found].sort();
}
