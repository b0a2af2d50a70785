import { memoryContext } from '../../src/context';
import { gatherNodeFacts, parsePackageJson } from '../../transforms/node/facts';
import { readTsOutput } from '../../transforms/node/tsconfig';
import { localDeps, pruneCommand } from '../../transforms/node/plan';

describe('package.json', () => {
  test('reads scripts, dependencies and bin; ignores bad JSON', () => {
    const p = parsePackageJson('\uFEFF{"name":"@acme/cli","bin":"./cli.js","scripts":{"start":"node a.js","x":1},"dependencies":{"a":"^1"}}');
    expect(p).toEqual({ scripts: { start: 'node a.js' }, dependencies: { a: '^1' }, devDependencies: {}, main: null, bin: { cli: './cli.js' }, packageManager: null });
    expect(parsePackageJson('{ nope')).toBeNull();
    expect(parsePackageJson('[]')).toBeNull();
  });

  test('local dependencies: folders only, normalised', () => {
    expect(localDeps({ a: 'file:./vendor/a/', b: 'file:../shared', c: 'link:pkgs/c', d: 'file:d-1.0.0.tgz', e: '^1.0.0' })).toEqual(['../shared', 'pkgs/c', 'vendor/a']);
  });

  test('prune command per package manager', () => {
    const dir = { dir: '', pkg: null, lockfiles: [], yarnBerry: false, ts: null };
    expect(pruneCommand('npm', 'node', 20, dir)).toBe('npm prune --omit=dev');
    expect(pruneCommand('npm', 'node', 8, dir)).toBe('npm prune --production');
    expect(pruneCommand('pnpm', 'node', 20, dir)).toBe('pnpm prune --prod');
    expect(pruneCommand('yarn', 'node', 20, dir)).toBe('yarn install --production --prefer-offline');
    expect(pruneCommand('yarn', 'node', 20, { ...dir, yarnBerry: true })).toBeNull();
  });
});

describe('tsconfig outDir', () => {
  test('follows extends (with comments and trailing commas), paths relative to the declaring file', () => {
    const ctx = memoryContext({
      'app/tsconfig.json': '{\n  // base first\n  "extends": "../config/base",\n  "compilerOptions": { "rootDir": "src", },\n  "include": ["src/**/*"]\n}',
      'config/base.json': '{ "compilerOptions": { "outDir": "../app/build/out" } }',
      'app/package.json': '{}',
    });
    expect(readTsOutput(ctx, 'app')).toEqual({ dir: 'app', outDir: 'app/build/out', rootDir: 'app/src', declaredIn: 'config/base.json', include: ['app/src/**/*'] });
  });

  test('no outDir, or no tsconfig.json', () => {
    const ctx = memoryContext({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' });
    expect(readTsOutput(ctx, '')?.outDir).toBeNull();
    expect(readTsOutput(memoryContext({}), '')).toBeNull();
  });

  test('an extends array: the later file wins', () => {
    const ctx = memoryContext({
      'tsconfig.json': '{ "extends": ["./a.json", "./b.json"] }',
      'a.json': '{ "compilerOptions": { "outDir": "a-out" } }',
      'b.json': '{ "compilerOptions": { "outDir": "b-out" } }',
    });
    const out = readTsOutput(ctx, '');
    expect(out?.outDir).toBe('b-out');
    expect(out?.declaredIn).toBe('b.json');
  });
});

describe('gatherNodeFacts', () => {
  test('package folders, lockfiles, yarn berry, and tsconfig only where it exists', () => {
    const facts = gatherNodeFacts(memoryContext({
      'package.json': '{"name":"root"}',
      'yarn.lock': '__metadata:\n  version: 6\n',
      'web/package.json': '{"name":"web"}',
      'web/package-lock.json': '{}',
      'web/tsconfig.json': '{ "compilerOptions": { "outDir": "dist" } }',
    }), true);
    expect(Object.keys(facts.dirs)).toEqual(['', 'web']);
    expect(facts.dirs[''].lockfiles).toEqual(['yarn.lock']);
    expect(facts.dirs[''].yarnBerry).toBe(true);
    expect(facts.dirs[''].ts).toBeNull();
    expect(facts.dirs.web.lockfiles).toEqual(['package-lock.json']);
    expect(facts.dirs.web.ts?.outDir).toBe('web/dist');
  });

  test('no context: nothing read', () => {
    const facts = gatherNodeFacts(memoryContext({ 'package.json': '{}' }), false);
    expect(facts.truncated).toBe(true);
    expect(facts.dirs[''].pkg).toBeNull();
  });
});

describe('npm run-script environment', () => {
  test('sources reading npm_* variables are found (tests and declarations ignored)', () => {
    const facts = gatherNodeFacts(memoryContext({
      'package.json': '{}',
      'src/version.js': 'module.exports = process.env.npm_package_version;',
      'src/plain.js': 'module.exports = 1;',
      'test/a.test.js': 'process.env.npm_lifecycle_event',
      'types/env.d.ts': 'declare const npm_package_name: string;',
    }), true);
    expect(facts.npmEnvReaders).toEqual(['src/version.js']);
  });
});
