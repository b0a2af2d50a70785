import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ConfigError, checkTransformIds, loadConfig, loadTransformModule, mergeFlags, settingsFor, transformProblem, validateConfig,
} from '../../src/config';

const DIR = path.join(os.tmpdir(), 'repo');
const FILE = path.join(DIR, 'stageify.config.json');
const at = (rel: string) => path.join(DIR, ...rel.split('/'));
const error = (raw: unknown) => {
  try {
    validateConfig(raw, FILE, DIR);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('validateConfig', () => {
  it('accepts every documented key and resolves paths against the config folder', () => {
    const c = validateConfig({
      $schema: 'x', runtime: 'alpine', user: 'root', registryMirror: 'mirror.internal/hub', transforms: ['go'],
      context: '.', transformModules: ['tools/t.js'],
      overrides: [{ files: ['services/legacy/**'], runtime: 'debian', user: 'nonroot', context: 'services' }],
    }, FILE, DIR);
    expect(c.base).toEqual({ runtime: 'alpine', user: 'root', registryMirror: 'mirror.internal/hub', transforms: ['go'], context: DIR });
    expect(c.transformModules).toEqual([at('tools/t.js')]);
    expect(c.overrides[0]).toMatchObject({ files: ['services/legacy/**'], runtime: 'debian', context: at('services') });
  });

  it.each([
    [{ bogus: 1 }, 'config stageify.config.json: bogus: unknown key'],
    [{ user: 'admin' }, 'config stageify.config.json: user: must be "nonroot" or "root", got "admin"'],
    [{ runtime: 7 }, 'config stageify.config.json: runtime: must be a non-empty string, got 7'],
    [{ runtime: 'two words' }, 'runtime: must be a preset or an image reference'],
    [{ registryMirror: 'https://m.internal' }, 'registryMirror: must be a registry host and path without a scheme'],
    [{ transforms: 'go' }, 'transforms: must be an array of strings, got "go"'],
    [{ transforms: ['go', ''] }, 'transforms[1]: must be a non-empty string'],
    [{ context: 3 }, 'context: must be a folder'],
    [{ overrides: {} }, 'overrides: must be an array of objects, got an object'],
    [{ overrides: [1] }, 'overrides[0]: must be an object, got 1'],
    [{ overrides: [{ runtime: 'alpine' }] }, 'overrides[0].files: is required'],
    [{ overrides: [{ files: [] }] }, 'overrides[0].files: must name at least one glob'],
    [{ overrides: [{ files: ['a'], user: 'x' }] }, 'overrides[0].user: must be "nonroot" or "root", got "x"'],
    [{ overrides: [{ files: ['a'], overrides: [] }] }, 'overrides[0].overrides: unknown key'],
    [{ overrides: [{ files: ['a'], context: { a: 'b' } }] }, 'overrides[0].context: must be a folder (a string)'],
    [[], 'the config must be a JSON object, got an array'],
    [null, 'the config must be a JSON object, got null'],
  ])('%j is one clear line naming the file and the key', (raw, expected) => {
    const m = error(raw);
    expect(m).toContain(expected);
    expect(m).toMatch(/^config stageify\.config\.json: /);
    expect(m).not.toContain('\n');
  });
});

describe('settingsFor', () => {
  const c = validateConfig({
    runtime: 'alpine',
    context: { 'apps/*/Dockerfile': 'apps' },
    overrides: [
      { files: ['services/legacy/**'], runtime: 'debian', user: 'root', context: '.' },
      { files: ['services/legacy/keep/**'], runtime: 'scratch' },
      { files: 'Dockerfile.dev', user: 'root' },
    ],
  }, FILE, DIR);

  it('applies the top level, then matching overrides in order (later win)', () => {
    expect(settingsFor(c, at('services/api/Dockerfile'))).toEqual({ runtime: 'alpine' });
    expect(settingsFor(c, at('services/legacy/a/Dockerfile'))).toEqual({ runtime: 'debian', user: 'root', context: DIR });
    expect(settingsFor(c, at('services/legacy/keep/Dockerfile'))).toEqual({ runtime: 'scratch', user: 'root', context: DIR });
  });

  it('matches a glob without a slash against the file name at any depth', () => {
    expect(settingsFor(c, at('x/y/Dockerfile.dev'))).toMatchObject({ user: 'root' });
    expect(settingsFor(c, at('x/y/Dockerfile'))).not.toHaveProperty('user');
  });

  it('maps contexts by glob', () => {
    expect(settingsFor(c, at('apps/web/Dockerfile'))).toMatchObject({ context: at('apps') });
  });

  it('applies no override to a file outside the config folder', () => {
    expect(settingsFor(c, path.join(path.dirname(DIR), 'elsewhere', 'services', 'legacy', 'Dockerfile'))).toEqual({ runtime: 'alpine' });
  });

  it('has nothing without a config, and flags win', () => {
    expect(settingsFor(null, at('Dockerfile'))).toEqual({});
    expect(mergeFlags({ runtime: 'alpine', user: 'root' }, { runtime: 'scratch', user: undefined })).toEqual({ runtime: 'scratch', user: 'root' });
  });
});

describe('checkTransformIds', () => {
  it('names the unknown id and where it is', () => {
    const c = validateConfig({ transforms: ['go'], overrides: [{ files: ['a'], transforms: ['go', 'cobol'] }] }, FILE, DIR);
    expect(() => checkTransformIds(c, new Set(['go']), DIR)).toThrow('config stageify.config.json: overrides[0].transforms[1]: unknown transform "cobol" (known: go)');
    expect(() => checkTransformIds(c, new Set(['go', 'cobol']), DIR)).not.toThrow();
  });
});

describe('loading', () => {
  let root: string;
  beforeEach(() => { root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-config-'))); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the config from the working folder up, and in package.json#stageify', () => {
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, '.stageifyrc'), '{ "runtime": "alpine" }');
    expect(loadConfig({ cwd: path.join(root, 'a', 'b') })).toMatchObject({ filepath: path.join(root, '.stageifyrc'), base: { runtime: 'alpine' } });
    fs.writeFileSync(path.join(root, 'a', 'package.json'), '{ "name": "x", "stageify": { "user": "root" } }');
    expect(loadConfig({ cwd: path.join(root, 'a', 'b') })).toMatchObject({ base: { user: 'root' } });
    expect(loadConfig({ cwd: path.join(root, 'a', 'b'), noConfig: true })).toBeNull();
  });

  it('loads a named file, and says clearly when it cannot', () => {
    fs.writeFileSync(path.join(root, 'ci.json'), '{ "runtime": "scratch" }');
    fs.writeFileSync(path.join(root, 'bad.json'), '{ runtime: ');
    fs.writeFileSync(path.join(root, 'c.yaml'), 'runtime: x');
    expect(loadConfig({ cwd: root, configFile: 'ci.json' })?.base).toEqual({ runtime: 'scratch' });
    expect(() => loadConfig({ cwd: root, configFile: 'nope.json' })).toThrow('config nope.json: file not found');
    expect(() => loadConfig({ cwd: root, configFile: 'bad.json' })).toThrow(/^config bad\.json: not valid JSON/);
    expect(() => loadConfig({ cwd: root, configFile: 'c.yaml' })).toThrow('config files are JSON');
  });

  it('an empty config file is an error, not ignored', () => {
    fs.writeFileSync(path.join(root, 'stageify.config.json'), '  \n');
    expect(() => loadConfig({ cwd: root })).toThrow('config stageify.config.json: the file is empty');
  });
});

describe('custom transforms', () => {
  let root: string;
  beforeAll(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-transform-')));
    fs.writeFileSync(path.join(root, 'good.js'), 'module.exports = { id: "mine", matches: () => false, gather: () => ({}), plan: () => ({ kind: "skip", messages: [] }) };');
    fs.writeFileSync(path.join(root, 'default.js'), 'exports.default = { id: "d", matches() {}, gather() {}, plan() {} };');
    fs.writeFileSync(path.join(root, 'bad.js'), 'module.exports = { id: "bad", matches() {} };');
    fs.writeFileSync(path.join(root, 'throws.js'), 'throw new Error("boom")');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('loads a module by path and checks its shape', () => {
    expect(loadTransformModule('good.js', root, '--transform good.js').id).toBe('mine');
    expect(loadTransformModule('./default.js', root, 'x').id).toBe('d');
  });

  it.each([
    ['bad.js', '"gather" must be a function'],
    ['throws.js', 'cannot load transform module'],
    ['missing.js', 'transform module not found'],
    ['jest', 'transform module not found'], // a bare name is a path, never a package from node_modules
  ])('%s: a clear error', (spec, expected) => {
    expect(() => loadTransformModule(spec, root, `--transform ${spec}`)).toThrow(expected);
  });

  it('transformProblem describes what is wrong', () => {
    expect(transformProblem(null)).toBe('it exports null');
    expect(transformProblem({ id: '', matches() {}, gather() {}, plan() {} })).toMatch(/"id" must be/);
    expect(transformProblem({ id: 'ok', matches() {}, gather() {}, plan() {} })).toBeNull();
  });
});
