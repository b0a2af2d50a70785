// What the Ruby transform reads from the build context: the file list and the gems Gemfile.lock
// locks, to tell which have native extensions that need libraries at run time.
import type { ContextFS } from '../../src/context';
import { gatherSourceReads } from '../shared/interpreted/folder-reads';
import type { SourceReads } from '../shared/interpreted/folder-reads';

export interface LockedGem {
  name: string;
  version: string;
  /** Platform of a precompiled gem (`x86_64-linux`), null for a source gem. */
  platform: string | null;
}

export interface RubyFacts {
  hasContext: boolean;
  files: string[];
  truncated: boolean;
  /** Gems of each Gemfile.lock, by its context path. */
  locks: { path: string; gems: LockedGem[] }[];
  /** What the sources list, serve or name (Dir[...], DocumentRoot, 'README.md'). */
  reads: { sources: SourceReads[]; incomplete: string | null };
}

/**
 * Source gems whose extension links a system library the full image has (buildpack-deps headers)
 * and slim lacks, by the library's development packages; the native library map
 * (transforms/shared/native-libs.json) gives the packages the runtime installs. nokogiri builds its
 * own libxml2 and precompiled platform gems carry theirs.
 */
export const NATIVE_GEMS: Record<string, { apt: string; apk: string }> = {
  pg: { apt: 'libpq-dev', apk: 'libpq-dev' },
  mysql2: { apt: 'default-libmysqlclient-dev', apk: 'mariadb-connector-c-dev' },
  sqlite3: { apt: 'libsqlite3-dev', apk: 'sqlite-dev' },
};
/** Gems with native extensions that need only the C library (named in the message). */
export const EXTENSION_GEMS = new Set(['nokogiri', 'ffi', 'bcrypt', 'puma', 'nio4r', 'websocket-driver', 'bootsnap', 'msgpack', 'json', 'racc', 'date', 'oj', 'redcarpet', 'unf_ext', 'eventmachine', 'hiredis', 'grpc', 'google-protobuf', 'sassc']);

const MAX_LOCKS = 10;

export function gatherRubyFacts(ctx: ContextFS, hasContext: boolean): RubyFacts {
  const { files, truncated } = hasContext ? ctx.listFiles() : { files: [], truncated: true };
  const locks: RubyFacts['locks'] = [];
  for (const f of files.filter((x) => /(^|\/)Gemfile\.lock$/.test(x)).slice(0, MAX_LOCKS)) {
    const text = ctx.readText(f);
    if (text !== null) locks.push({ path: f, gems: parseGemfileLock(text) });
  }
  return { hasContext, files, truncated, locks, reads: gatherSourceReads(ctx, files, truncated, 'ruby') };
}

/** The specs of a Gemfile.lock's GEM sections: `    pg (1.5.4)`, `    nokogiri (1.16.0-x86_64-linux)`. */
export function parseGemfileLock(text: string): LockedGem[] {
  const gems: LockedGem[] = [];
  for (const m of text.matchAll(/^ {4}([A-Za-z0-9_.-]+) \(([^)\s]+)\)\s*$/gm)) {
    const pm = /^(\d[^-]*)(?:-(.+))?$/.exec(m[2]);
    gems.push({ name: m[1], version: pm ? pm[1] : m[2], platform: pm?.[2] ?? null });
  }
  return gems;
}
