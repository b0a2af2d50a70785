// What the Node transform needs from the build context: package.json files (dependencies, scripts),
// lockfiles, and TypeScript outDir. Read through ContextFS only.
import type { ContextFS } from '../../src/context';
import { readTsOutput } from './tsconfig';
import type { TsOutput } from './tsconfig';

export interface PackageJson {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  main: string | null;
  bin: Record<string, string>;
  /** `packageManager` field (`pnpm@9.1.0`), when set. */
  packageManager: string | null;
}

export type Manager = 'npm' | 'yarn' | 'pnpm';

export interface PackageDir {
  /** Folder relative to the context ('' = root). */
  dir: string;
  pkg: PackageJson | null;
  /** Lockfiles present in that folder. */
  lockfiles: string[];
  /** yarn.lock written by Yarn 2+ (no `yarn install --production` there). */
  yarnBerry: boolean;
  ts: TsOutput | null;
}

export interface NodeFacts {
  hasContext: boolean;
  files: string[];
  truncated: boolean;
  /** Folders holding a package.json (and the root, always), by folder. */
  dirs: Record<string, PackageDir>;
  /** Source files that read the variables `npm start` sets (`npm_package_version`, …). */
  npmEnvReaders: string[];
}

export const LOCKFILES: Readonly<Record<string, Manager>> = {
  'package-lock.json': 'npm', 'npm-shrinkwrap.json': 'npm', 'yarn.lock': 'yarn', 'pnpm-lock.yaml': 'pnpm',
};

const MAX_PACKAGE_DIRS = 25;
const MAX_SOURCES = 2000;
const MAX_SOURCE_BYTES = 256 * 1024;
const SOURCE_FILE = /\.(js|cjs|mjs|ts|cts|mts|jsx|tsx)$/;
const NPM_ENV = /\bnpm_(package|lifecycle|config|node_execpath|execpath)_?\w*/;

export function gatherNodeFacts(ctx: ContextFS, hasContext: boolean): NodeFacts {
  const { files, truncated } = hasContext ? ctx.listFiles() : { files: [], truncated: true };
  const pkgDirs = new Set<string>(['']);
  for (const f of files) {
    if (pkgDirs.size >= MAX_PACKAGE_DIRS) break;
    if (f.endsWith('/package.json')) pkgDirs.add(f.slice(0, -'/package.json'.length));
  }
  const dirs: Record<string, PackageDir> = {};
  for (const dir of [...pkgDirs].sort()) {
    const at = (name: string) => (dir ? `${dir}/${name}` : name);
    const text = hasContext ? ctx.readText(at('package.json')) : null;
    const lockfiles = Object.keys(LOCKFILES).filter((l) => files.includes(at(l)));
    const yarnLock = lockfiles.includes('yarn.lock') ? ctx.readText(at('yarn.lock'), 64 * 1024) ?? '' : '';
    const ts = hasContext && files.includes(at('tsconfig.json')) ? readTsOutput(ctx, dir) : null;
    dirs[dir] = { dir, pkg: text === null ? null : parsePackageJson(text), lockfiles, yarnBerry: /^__metadata:/m.test(yarnLock), ts };
  }
  return { hasContext, files, truncated, dirs, npmEnvReaders: hasContext ? npmEnvReaders(ctx, files) : [] };
}

/** Sources that read npm's run-script environment: starting them with plain node would change it. */
function npmEnvReaders(ctx: ContextFS, files: readonly string[]): string[] {
  const out: string[] = [];
  let read = 0;
  for (const f of files) {
    if (!SOURCE_FILE.test(f) || /(^|\/)(test|tests|__tests__)\//.test(f) || /\.d\.ts$/.test(f)) continue;
    if (read++ >= MAX_SOURCES) break;
    const text = ctx.readText(f, MAX_SOURCE_BYTES);
    if (text !== null && NPM_ENV.test(text)) out.push(f);
  }
  return out;
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === 'string') out[k] = x;
  }
  return out;
}

export function parsePackageJson(text: string): PackageJson | null {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const name = typeof o.name === 'string' ? o.name.replace(/^@[^/]+\//, '') : null;
  const bin = typeof o.bin === 'string' && name ? { [name]: o.bin } : stringRecord(o.bin);
  return {
    scripts: stringRecord(o.scripts),
    dependencies: stringRecord(o.dependencies),
    devDependencies: stringRecord(o.devDependencies),
    main: typeof o.main === 'string' ? o.main : null,
    bin,
    packageManager: typeof o.packageManager === 'string' ? o.packageManager : null,
  };
}
