// Packaging: the tarball npm publishes, installed into an empty project, runs as `stageify`.
// Slow (npm pack + npm install from the local cache). Uses the dist/ that `npm run build` made.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanEnv, makeTree, removeTree, ROOT } from './helpers';

jest.setTimeout(180_000);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let packDir: string;
let project: string;
let tgz: string;
let entries: string[];

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv({ npm_config_loglevel: 'error' }), stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  packDir = makeTree({}, 'stageify-pack-');
  // --ignore-scripts: `prepare` would rebuild dist/ while other test files run the binary from it.
  const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT));
  tgz = path.join(packDir, out[0].filename);
  entries = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean);

  project = makeTree({
    'package.json': JSON.stringify({ name: 'pack-smoke', version: '1.0.0', private: true }),
    'app/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
  }, 'stageify-install-');
  npm(['install', tgz, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
});

afterAll(() => {
  if (packDir) removeTree(packDir);
  if (project) removeTree(project);
});

const stageify = (args: string[]) => {
  const r = spawnSync(path.join(project, 'node_modules', '.bin', 'stageify'), args, { cwd: project, encoding: 'utf8', env: cleanEnv() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npm pack', () => {
  it('ships the launcher, the compiled sources and the package.json', () => {
    expect(entries).toEqual(expect.arrayContaining(['package/package.json', 'package/bin/stageify.js', 'package/dist/src/cli.js', 'package/dist/src/index.js']));
  });

  it('ships no tests, TypeScript sources or config', () => {
    const unwanted = entries.filter((e) =>
      /__tests__|__testfixtures__|\.test\.|^package\/(src|transforms|scripts|examples|\.ci)\//.test(e) ||
      (e.endsWith('.ts') && !e.endsWith('.d.ts')) || /^package\/(tsconfig[^/]*\.json|jest\.config\.js)$/.test(e));
    expect(unwanted).toEqual([]);
    expect(entries.every((e) => /^package\/(bin\/|dist\/(src|transforms)\/|README\.md$|package\.json$|LICENSE)/.test(e))).toBe(true);
  });

  it('the launcher starts with a node shebang', () => {
    const launcher = fs.readFileSync(path.join(project, 'node_modules', 'stageify', 'bin', 'stageify.js'), 'utf8');
    expect(launcher.split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});

describe('installed from the tarball', () => {
  it('`stageify --version` prints the package version', () => {
    expect(stageify(['--version'])).toEqual({ code: 0, stdout: pkg.version + '\n', stderr: '' });
  });

  it('`stageify --help` shows the usage', () => {
    const r = stageify(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stageify [paths..]');
    expect(r.stdout).toContain('--write');
  });

  it('plans a Dockerfile', () => {
    const r = stageify(['app', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['app/Dockerfile']);
    expect(['unchanged', 'skipped']).toContain(report.files[0].status);
  });
});
