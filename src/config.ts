// The config file: `stageify.config.json`, `.stageifyrc`, `.stageifyrc.json` or `package.json#stageify`,
// found with lilconfig from the working directory up (or named with --config). Validated strictly:
// a config that says something stageify does not understand is an error before any file is planned.
// Precedence per file: defaults < config < matching overrides (later win) < flags.
import * as fs from 'fs';
import * as path from 'path';
import { globToRegExp, toPosix } from './discover';
import type { BuildkitOptions, UserPolicy } from './types';
import { parseHttpTarget, parseWaitSeconds } from './verify-settings';
import type { VerifySettings } from './verify-settings';

/** A config file that cannot be used: the message names the file and the key. Exit 2 in the CLI. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_NAME = 'stageify';
export const SEARCH_PLACES = ['package.json', '.stageifyrc', '.stageifyrc.json', 'stageify.config.json'] as const;

/** Options that can differ per Dockerfile. `context` is absolute once loaded. */
export interface FileSettings {
  runtime?: string;
  user?: UserPolicy;
  registryMirror?: string;
  transforms?: string[];
  /** Opt-in BuildKit features: `true`, or `{ "cacheMounts": true, "depsFirst": true, "cross": true }`. */
  buildkit?: boolean | BuildkitOptions;
  context?: string;
  /** `--verify` settings: `{ "wait": seconds, "http": "PORT/PATH", "sidecar": "IMAGE" }`. */
  verify?: VerifySettings;
}

export interface Override extends FileSettings {
  /** Globs as written, relative to the config file's folder. */
  files: string[];
  match: RegExp[];
}

/** `context` given as a mapping `{ "glob": "dir" }`: the last matching glob wins. */
interface ContextRule { glob: string; match: RegExp; context: string }

export interface Config {
  /** Absolute path of the config file. */
  filepath: string;
  /** Its folder: globs, contexts and transform modules are relative to it. */
  dir: string;
  base: FileSettings;
  contextRules: ContextRule[];
  overrides: Override[];
  /** Absolute paths of custom transform modules. */
  transformModules: string[];
  /** `onbuildFrom`: onbuild base image → the Dockerfile it is built from (absolute). */
  onbuildFrom: Record<string, string>;
}

const TOP_KEYS = ['$schema', 'runtime', 'user', 'registryMirror', 'transforms', 'context', 'verify', 'overrides', 'transformModules', 'onbuildFrom', 'buildkit'] as const;
const OVERRIDE_KEYS = ['files', 'runtime', 'user', 'registryMirror', 'transforms', 'context', 'verify', 'buildkit'] as const;
const BUILDKIT_KEYS = ['cacheMounts', 'depsFirst', 'cross'];
const VERIFY_KEYS = ['wait', 'http', 'sidecar'];
const USERS: readonly UserPolicy[] = ['nonroot', 'root'];

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadOptions {
  cwd: string;
  /** --config FILE (relative to cwd). */
  configFile?: string;
  /** --no-config */
  noConfig?: boolean;
}

/** Finds, reads and validates the config; null when there is none (or --no-config). */
export function loadConfig(opts: LoadOptions): Config | null {
  if (opts.noConfig) return null;
  const { lilconfigSync } = require('lilconfig') as typeof import('lilconfig');
  const jsonLoader = (filepath: string, content: string): unknown => {
    try {
      return JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new ConfigError(`config ${display(filepath, opts.cwd)}: not valid JSON: ${(err as Error).message}`);
    }
  };
  const explorer = lilconfigSync(CONFIG_NAME, {
    searchPlaces: [...SEARCH_PLACES],
    loaders: { '.json': jsonLoader, noExt: jsonLoader },
    // An empty .stageifyrc is an error below, not silently skipped.
    ignoreEmptySearchPlaces: false,
    cache: false,
  });
  let found: { filepath: string; config: unknown; isEmpty?: boolean } | null;
  try {
    if (opts.configFile !== undefined) {
      const file = path.resolve(opts.cwd, opts.configFile);
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (!st) throw new ConfigError(`config ${opts.configFile}: file not found`);
      if (!st.isFile()) throw new ConfigError(`config ${opts.configFile}: not a regular file`);
      found = explorer.load(file);
      if (found && path.basename(file) === 'package.json' && found.config == null) {
        throw new ConfigError(`config ${display(file, opts.cwd)}: has no "stageify" key`);
      }
    } else {
      found = explorer.search(opts.cwd);
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const where = `config ${opts.configFile ?? ''}`.trim();
    const m = /No loader specified for extension "(.*?)"/.exec((err as Error).message);
    if (m) throw new ConfigError(`${where}: config files are JSON; cannot read a "${m[1]}" file`);
    throw new ConfigError(`${where}: cannot read the config file: ${(err as Error).message}`);
  }
  if (!found || !found.filepath) return null;
  if (found.isEmpty) throw new ConfigError(`config ${display(found.filepath, opts.cwd)}: the file is empty`);
  return validateConfig(found.config, found.filepath, opts.cwd);
}

/** A path for messages: relative to cwd when below it. */
function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? toPosix(rel) : file;
}

// ---------------------------------------------------------------------------------------------
// Validation

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? 'an object' : String(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the raw config and resolves its paths. `cwd` only shortens the file name in messages. */
export function validateConfig(raw: unknown, filepath: string, cwd: string = process.cwd()): Config {
  const file = `config ${display(filepath, cwd)}`;
  const fail = (key: string, problem: string): never => { throw new ConfigError(`${file}: ${key}: ${problem}`); };
  const dir = path.dirname(filepath);
  if (!isPlainObject(raw)) throw new ConfigError(`${file}: the config must be a JSON object, got ${describe(raw)}`);

  const nonEmptyString = (key: string, v: unknown): string => {
    if (typeof v !== 'string' || v.trim() === '') return fail(key, `must be a non-empty string, got ${describe(v)}`);
    return v;
  };
  const stringList = (key: string, v: unknown): string[] => {
    if (!Array.isArray(v)) return fail(key, `must be an array of strings, got ${describe(v)}`);
    v.forEach((s, i) => nonEmptyString(`${key}[${i}]`, s));
    return v as string[];
  };
  const settings = (obj: Record<string, unknown>, prefix: string, keys: readonly string[]): FileSettings => {
    for (const k of Object.keys(obj)) {
      if (!keys.includes(k)) fail(prefix + k, `unknown key (known: ${keys.filter((x) => x !== '$schema').join(', ')})`);
    }
    const s: FileSettings = {};
    if (obj.runtime !== undefined) {
      s.runtime = nonEmptyString(prefix + 'runtime', obj.runtime);
      if (/\s/.test(s.runtime)) fail(prefix + 'runtime', `must be a preset or an image reference, got ${describe(obj.runtime)}`);
    }
    if (obj.user !== undefined && !USERS.includes(obj.user as UserPolicy)) {
      fail(prefix + 'user', `must be "nonroot" or "root", got ${describe(obj.user)}`);
    }
    if (obj.user !== undefined) s.user = obj.user as UserPolicy;
    if (obj.registryMirror !== undefined) {
      const m = nonEmptyString(prefix + 'registryMirror', obj.registryMirror);
      if (/\s/.test(m) || m.includes('://')) fail(prefix + 'registryMirror', `must be a registry host and path without a scheme, got ${describe(m)}`);
      s.registryMirror = m;
    }
    if (obj.transforms !== undefined) s.transforms = stringList(prefix + 'transforms', obj.transforms);
    if (typeof obj.context === 'string') s.context = path.resolve(dir, nonEmptyString(prefix + 'context', obj.context));
    else if (obj.context !== undefined && (prefix !== '' || !isPlainObject(obj.context))) {
      fail(prefix + 'context', `must be a folder (a string${prefix ? '' : ', or an object mapping globs to folders'}), got ${describe(obj.context)}`);
    }
    if (obj.verify !== undefined) s.verify = verifySettings(obj.verify, prefix + 'verify');
    if (obj.buildkit !== undefined) s.buildkit = buildkitSettings(obj.buildkit, prefix + 'buildkit');
    return s;
  };

  const buildkitSettings = (v: unknown, key: string): boolean | BuildkitOptions => {
    if (typeof v === 'boolean') return v;
    if (!isPlainObject(v)) return fail(key, `must be true, false or an object with ${BUILDKIT_KEYS.join(', ')}, got ${describe(v)}`);
    const out: BuildkitOptions = {};
    for (const [k, b] of Object.entries(v)) {
      if (!BUILDKIT_KEYS.includes(k)) fail(`${key}.${k}`, `unknown key (known: ${BUILDKIT_KEYS.join(', ')})`);
      if (typeof b !== 'boolean') fail(`${key}.${k}`, `must be true or false, got ${describe(b)}`);
      out[k as keyof BuildkitOptions] = b as boolean;
    }
    return out;
  };

  const verifySettings = (v: unknown, key: string): VerifySettings => {
    if (!isPlainObject(v)) return fail(key, `must be an object with ${VERIFY_KEYS.join(', ')}, got ${describe(v)}`);
    for (const k of Object.keys(v)) if (!VERIFY_KEYS.includes(k)) fail(`${key}.${k}`, `unknown key (known: ${VERIFY_KEYS.join(', ')})`);
    const out: VerifySettings = {};
    if (v.wait !== undefined) {
      const w = parseWaitSeconds(v.wait);
      out.wait = 'error' in w ? fail(`${key}.wait`, w.error) : w.seconds;
    }
    if (v.http !== undefined) {
      const t = parseHttpTarget(v.http);
      out.http = 'error' in t ? fail(`${key}.http`, t.error) : t;
    }
    if (v.sidecar !== undefined) {
      out.sidecar = nonEmptyString(`${key}.sidecar`, v.sidecar);
      if (/\s/.test(out.sidecar)) fail(`${key}.sidecar`, `must be an image reference, got ${describe(v.sidecar)}`);
    }
    return out;
  };

  const base = settings(raw, '', TOP_KEYS);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') fail('$schema', `must be a string, got ${describe(raw.$schema)}`);

  const contextRules: ContextRule[] = [];
  if (isPlainObject(raw.context)) {
    for (const [glob, ctx] of Object.entries(raw.context)) {
      const key = `context[${JSON.stringify(glob)}]`;
      contextRules.push({ glob, match: compileGlob(key, glob, fail), context: path.resolve(dir, nonEmptyString(key, ctx)) });
    }
  }

  const overrides: Override[] = [];
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) fail('overrides', `must be an array of objects, got ${describe(raw.overrides)}`);
    (raw.overrides as unknown[]).forEach((o, i) => {
      const prefix = `overrides[${i}].`;
      if (!isPlainObject(o)) return fail(`overrides[${i}]`, `must be an object, got ${describe(o)}`);
      if (o.files === undefined) fail(prefix + 'files', 'is required (globs relative to the config file)');
      const files = typeof o.files === 'string' ? [nonEmptyString(prefix + 'files', o.files)] : stringList(prefix + 'files', o.files);
      if (files.length === 0) fail(prefix + 'files', 'must name at least one glob');
      const s = settings(o, prefix, OVERRIDE_KEYS);
      overrides.push({ ...s, files, match: files.map((g, j) => compileGlob(`${prefix}files[${j}]`, g, fail)) });
    });
  }

  const transformModules = raw.transformModules === undefined ? [] :
    stringList('transformModules', raw.transformModules).map((m) => path.resolve(dir, m));

  const onbuildFrom: Record<string, string> = {};
  if (raw.onbuildFrom !== undefined) {
    if (!isPlainObject(raw.onbuildFrom)) fail('onbuildFrom', `must map images to Dockerfiles ({ "IMAGE": "path/to/Dockerfile" }), got ${describe(raw.onbuildFrom)}`);
    for (const [image, file] of Object.entries(raw.onbuildFrom as Record<string, unknown>)) {
      const key = `onbuildFrom[${JSON.stringify(image)}]`;
      if (!image.trim() || /\s/.test(image)) fail(key, 'the key must be an image reference');
      onbuildFrom[image] = path.resolve(dir, nonEmptyString(key, file));
    }
  }

  return { filepath, dir, base, contextRules, overrides, transformModules, onbuildFrom };
}

/**
 * Globs are relative to the config file's folder; one without a slash matches a file name at any
 * depth (`Dockerfile.dev`), like .gitignore and prettier's overrides.
 */
function compileGlob(key: string, glob: string, fail: (key: string, problem: string) => never): RegExp {
  let g = toPosix(glob.trim());
  if (g === '') return fail(key, 'must be a non-empty glob');
  if (g.startsWith('./')) g = g.slice(2);
  if (g.startsWith('/')) g = g.slice(1);
  else if (!g.includes('/')) g = '**/' + g;
  if (g.endsWith('/')) g += '**';
  try {
    return globToRegExp(g);
  } catch {
    return fail(key, `is not a valid glob: ${JSON.stringify(glob)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Per-file settings

/** The Dockerfile's path relative to the config folder (POSIX), or null when it lies outside. */
export function relativeToConfig(config: Config, absFile: string): string | null {
  const rel = path.relative(config.dir, absFile);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return toPosix(rel);
}

/** Config settings for one Dockerfile: the top level, then each matching override in order. */
export function settingsFor(config: Config | null, absFile: string): FileSettings {
  if (!config) return {};
  const rel = relativeToConfig(config, absFile);
  const s: FileSettings = { ...config.base };
  if (rel === null) return s;
  for (const rule of config.contextRules) if (rule.match.test(rel)) s.context = rule.context;
  for (const o of config.overrides) {
    if (!o.match.some((re) => re.test(rel))) continue;
    if (o.runtime !== undefined) s.runtime = o.runtime;
    if (o.user !== undefined) s.user = o.user;
    if (o.registryMirror !== undefined) s.registryMirror = o.registryMirror;
    if (o.transforms !== undefined) s.transforms = o.transforms;
    if (o.context !== undefined) s.context = o.context;
    if (o.verify !== undefined) s.verify = { ...s.verify, ...o.verify };
    if (o.buildkit !== undefined) s.buildkit = o.buildkit;
  }
  return s;
}

/** Every transform id the config names must exist (built-in or loaded from a module). */
export function checkTransformIds(config: Config, known: ReadonlySet<string>, cwd: string = process.cwd()): void {
  const check = (key: string, ids: string[] | undefined) => {
    ids?.forEach((id, i) => {
      if (!known.has(id)) {
        throw new ConfigError(`config ${display(config.filepath, cwd)}: ${key}[${i}]: unknown transform ${JSON.stringify(id)} (known: ${[...known].join(', ')})`);
      }
    });
  };
  check('transforms', config.base.transforms);
  config.overrides.forEach((o, i) => check(`overrides[${i}].transforms`, o.transforms));
}

/** Flags win over the config. */
export function mergeFlags(settings: FileSettings, flags: FileSettings): FileSettings {
  const out = { ...settings };
  for (const k of Object.keys(flags) as (keyof FileSettings)[]) {
    if (flags[k] !== undefined) (out as Record<string, unknown>)[k] = flags[k];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Custom transforms

/** A custom transform, checked against the Transform interface. */
export interface LoadedTransform {
  id: string;
  matches(base: unknown): boolean;
  gather(ctx: unknown, input: unknown): unknown;
  plan(input: unknown, facts: unknown): unknown;
}

/**
 * Loads a transform module from a path the user named (never a bare package name, never a folder
 * found implicitly). `from` is the folder the path is relative to; `label` names the source in errors.
 */
export function loadTransformModule(spec: string, from: string, label: string): LoadedTransform {
  const file = path.resolve(from, spec);
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) throw new ConfigError(`${label}: transform module not found: ${file}`);
  if (!st.isFile()) throw new ConfigError(`${label}: transform module is not a file: ${file}`);
  let mod: unknown;
  try {
    // An absolute path: require() never looks in node_modules for it.
    mod = require(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ERR_REQUIRE_ESM' ? 'an ES module; export it from a CommonJS (.js/.cjs) file' : firstLine(e?.message ?? String(err));
    throw new ConfigError(`${label}: cannot load transform module ${file}: ${why}`);
  }
  const candidate = pickTransform(mod);
  const problem = transformProblem(candidate);
  if (problem) {
    throw new ConfigError(`${label}: ${file} does not export a transform: ${problem} ` +
      '(expected module.exports = { id: string, matches(base), gather(ctx, input), plan(input, facts) })');
  }
  return candidate as LoadedTransform;
}

function pickTransform(mod: unknown): unknown {
  if (!isPlainObject(mod) && typeof mod !== 'function') return mod;
  const m = mod as Record<string, unknown>;
  if ('id' in m || !('default' in m || 'transform' in m)) return m;
  return m.default ?? m.transform;
}

/** Why `t` is not a Transform, or null when it is one. */
export function transformProblem(t: unknown): string | null {
  if (t === null || (typeof t !== 'object' && typeof t !== 'function')) return `it exports ${describe(t)}`;
  const o = t as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[A-Za-z0-9][\w.@/-]*$/.test(o.id)) return `"id" must be a non-empty string of letters, digits, -, _, ., / (got ${describe(o.id)})`;
  for (const fn of ['matches', 'gather', 'plan']) {
    if (typeof o[fn] !== 'function') return `"${fn}" must be a function (got ${typeof o[fn]})`;
  }
  return null;
}

const firstLine = (s: string) => s.split('\n', 1)[0];
