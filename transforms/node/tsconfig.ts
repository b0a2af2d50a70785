// TypeScript's own reading of tsconfig.json (comments, trailing commas, `extends` chains, paths
// relative to the file that set them), through the build context. ts-morph costs ~200 ms to load,
// so it is required only when a tsconfig.json exists.
import * as posix from 'path/posix';
import type { ContextFS } from '../../src/context';

export interface TsOutput {
  /** Folder of the tsconfig.json, relative to the context ('' = root). */
  dir: string;
  /** outDir relative to the context root, or null when none is set. */
  outDir: string | null;
  /** rootDir relative to the context root, when set. */
  rootDir: string | null;
  /** The tsconfig file that sets outDir (the file itself or one it extends). */
  declaredIn: string;
  /** `include` patterns relative to the context root. */
  include: string[];
}

const VROOT = '/__context__';

type TsApi = typeof import('ts-morph').ts;
let tsApi: TsApi | null = null;
function typescript(): TsApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!tsApi) tsApi = (require('ts-morph') as typeof import('ts-morph')).ts;
  return tsApi;
}

function toVirtual(rel: string): string {
  return rel ? `${VROOT}/${rel}` : VROOT;
}

function toRelative(abs: string): string | null {
  if (abs === VROOT) return '';
  return abs.startsWith(VROOT + '/') ? abs.slice(VROOT.length + 1) : null;
}

/** Reads `<dir>/tsconfig.json` as tsc would; null when it does not exist or is not JSON. */
export function readTsOutput(ctx: ContextFS, dir: string): TsOutput | null {
  const configRel = dir ? `${dir}/tsconfig.json` : 'tsconfig.json';
  if (ctx.readText(configRel) === null) return null;
  const ts = typescript();
  const readFile = (p: string): string | undefined => {
    const rel = toRelative(p);
    return rel === null ? undefined : ctx.readText(rel) ?? undefined;
  };
  const host = {
    useCaseSensitiveFileNames: true,
    // Only the options matter here, not the file list.
    readDirectory: () => [] as string[],
    fileExists: (p: string) => readFile(p) !== undefined,
    readFile,
  };
  const configPath = toVirtual(configRel);
  const read = ts.readConfigFile(configPath, readFile);
  if (read.error || !read.config) return null;
  const parsed = ts.parseJsonConfigFileContent(read.config, host, toVirtual(dir), undefined, configPath);
  const outDir = parsed.options.outDir ? toRelative(posix.normalize(parsed.options.outDir)) : null;
  const rootDir = parsed.options.rootDir ? toRelative(posix.normalize(parsed.options.rootDir)) : null;
  const include = Array.isArray(parsed.raw?.include) ? (parsed.raw.include as unknown[]).filter((x): x is string => typeof x === 'string').map((p) => posix.join(dir, p)) : [];
  return { dir, outDir, rootDir, declaredIn: declaringFile(ts, configRel, readFile) ?? configRel, include };
}

/** The file in the extends chain that sets compilerOptions.outDir (relative extends only). */
function declaringFile(ts: TsApi, rel: string, readFile: (p: string) => string | undefined, depth = 0): string | null {
  if (depth > 8) return null;
  const text = readFile(toVirtual(rel));
  if (text === undefined) return null;
  const json = ts.parseConfigFileTextToJson(rel, text).config as { extends?: unknown; compilerOptions?: { outDir?: unknown } } | undefined;
  if (!json) return null;
  if (json.compilerOptions?.outDir !== undefined) return rel;
  const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  // Later entries of an extends array win.
  for (const p of [...parents].reverse()) {
    if (typeof p !== 'string' || !p.startsWith('.')) continue;
    let next = posix.normalize(posix.join(posix.dirname(rel), p));
    if (!next.endsWith('.json')) next += '.json';
    const hit = declaringFile(ts, next, readFile, depth + 1);
    if (hit) return hit;
  }
  return null;
}
