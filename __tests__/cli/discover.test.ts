import * as fs from 'fs';
import * as path from 'path';
import { discover, globToRegExp, isDockerfileName } from '../../src/discover';
import { makeTree, removeTree } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Parameters<typeof makeTree>[0]): string {
  const root = makeTree(t);
  roots.push(root);
  return root;
}

describe('isDockerfileName', () => {
  it.each(['Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'Containerfile'])('accepts %s', (n) => {
    expect(isDockerfileName(n)).toBe(true);
  });
  it.each(['dockerfile', 'Dockerfile-old', '.Dockerfile', 'Dockerfiles', 'README.md', 'Container', 'Dockerfile.dockerignore'])('rejects %s', (n) => {
    expect(isDockerfileName(n)).toBe(false);
  });
});

describe('globToRegExp', () => {
  const m = (glob: string, p: string) => globToRegExp(glob).test(p);
  it('keeps * and ? within one folder', () => {
    expect(m('*/Dockerfile', 'a/Dockerfile')).toBe(true);
    expect(m('*/Dockerfile', 'a/b/Dockerfile')).toBe(false);
    expect(m('Dockerfile.?', 'Dockerfile.a')).toBe(true);
    expect(m('Dockerfile.?', 'Dockerfile.ab')).toBe(false);
  });
  it('lets ** span zero or more folders', () => {
    expect(m('**/Dockerfile', 'Dockerfile')).toBe(true);
    expect(m('**/Dockerfile', 'a/b/c/Dockerfile')).toBe(true);
    expect(m('a/**', 'a/b/c')).toBe(true);
    expect(m('a/**/x', 'a/x')).toBe(true);
    expect(m('a/**/x', 'b/x')).toBe(false);
  });
  it('supports classes and alternatives, and escapes regex characters', () => {
    expect(m('svc[12]/Dockerfile', 'svc2/Dockerfile')).toBe(true);
    expect(m('svc[!12]/Dockerfile', 'svc2/Dockerfile')).toBe(false);
    expect(m('{api,web}/Dockerfile', 'web/Dockerfile')).toBe(true);
    expect(m('{api,web}/Dockerfile', 'db/Dockerfile')).toBe(false);
    expect(m('*.Dockerfile', 'a.Dockerfile')).toBe(true);
    expect(m('*.Dockerfile', 'aXDockerfile')).toBe(false);
  });
});

describe('discover', () => {
  it('expands a folder recursively to Dockerfile names only, sorted, as POSIX relative paths', () => {
    const root = tree({
      'Dockerfile': 'FROM a',
      'z/Containerfile': 'FROM a',
      'b/api.Dockerfile': 'FROM a',
      'b/Dockerfile.prod': 'FROM a',
      'b/README.md': 'no',
      'B/Dockerfile': 'FROM a',
      '.git/Dockerfile': 'FROM a',
      'node_modules/x/Dockerfile': 'FROM a',
    });
    expect(discover(['.'], root)).toEqual({
      files: ['B/Dockerfile', 'Dockerfile', 'b/Dockerfile.prod', 'b/api.Dockerfile', 'z/Containerfile'],
      errors: [],
    });
  });

  it('de-duplicates files reached through several arguments', () => {
    const root = tree({ 'a/Dockerfile': 'FROM a', 'b/Dockerfile': 'FROM a' });
    const r = discover(['a', './a/Dockerfile', '.', '*/Dockerfile', path.join(root, 'b/Dockerfile')], root);
    expect(r).toEqual({ files: ['a/Dockerfile', 'b/Dockerfile'], errors: [] });
  });

  it('takes a file named explicitly whatever its name', () => {
    const root = tree({ 'build/docker.txt': 'FROM a' });
    expect(discover(['build/docker.txt'], root).files).toEqual(['build/docker.txt']);
  });

  it('reports a missing path and a pattern that matches nothing, and goes on', () => {
    const root = tree({ 'a/Dockerfile': 'FROM a', 'empty/readme': 'x' });
    const r = discover(['missing/Dockerfile', 'a', 'nope/*/Dockerfile', 'empty'], root);
    expect(r.files).toEqual(['a/Dockerfile']);
    expect(r.errors).toEqual([
      { path: 'missing/Dockerfile', id: 'input/not-found', message: 'no such file or directory' },
      { path: 'nope/*/Dockerfile', id: 'input/no-match', message: 'pattern matched no files' },
      { path: 'empty', id: 'input/no-match', message: 'no Dockerfiles found in this folder' },
    ]);
  });

  it('matches globs against files, whatever their names', () => {
    const root = tree({ 'svc/a/Dockerfile': '', 'svc/b/build.docker': '', 'svc/c/Dockerfile': '', 'other/Dockerfile': '' });
    expect(discover(['svc/*/Dockerfile'], root).files).toEqual(['svc/a/Dockerfile', 'svc/c/Dockerfile']);
    expect(discover(['svc/**/*.docker'], root).files).toEqual(['svc/b/build.docker']);
  });

  it('respects .gitignore and .stageifyignore, nested ones only in their subtree, with negation', () => {
    const root = tree({
      '.gitignore': 'vendor/\n*.tmp.Dockerfile\n',
      '.stageifyignore': 'legacy/\n',
      'vendor/Dockerfile': '',
      'legacy/Dockerfile': '',
      'x.tmp.Dockerfile': '',
      'app/.stageifyignore': 'Dockerfile.*\n!Dockerfile.keep\n',
      'app/Dockerfile': '',
      'app/Dockerfile.dev': '',
      'app/Dockerfile.keep': '',
      'lib/Dockerfile.dev': '',
    });
    expect(discover(['.'], root).files).toEqual(['app/Dockerfile', 'app/Dockerfile.keep', 'lib/Dockerfile.dev']);
  });

  it('applies ignore files of parent folders when a subfolder is named', () => {
    const root = tree({ '.gitignore': 'gen/\n', 'svc/gen/Dockerfile': '', 'svc/Dockerfile': '' });
    expect(discover(['svc'], root).files).toEqual(['svc/Dockerfile']);
    expect(discover(['svc/**/Dockerfile'], root).files).toEqual(['svc/Dockerfile']);
  });

  it('does not follow a symlinked folder in the fixed part of a glob', () => {
    const root = tree({ 'real/a/Dockerfile': '', 'link': { symlink: 'real' } });
    expect(discover(['link/*/Dockerfile'], root)).toEqual({
      files: [], errors: [{ path: 'link/*/Dockerfile', id: 'input/no-match', message: 'pattern matched no files' }],
    });
  });

  it('never follows symlinks: skipped in folders, an error when named', () => {
    const root = tree({
      'real/Dockerfile': 'FROM a',
      'linked': { symlink: 'real' },
      'Dockerfile': { symlink: 'real/Dockerfile' },
    });
    const r = discover(['.', 'Dockerfile'], root);
    expect(r.files).toEqual(['real/Dockerfile']);
    expect(r.errors).toEqual([{ path: 'Dockerfile', id: 'input/symlink', message: 'is a symbolic link; symlinks are not followed' }]);
    expect(fs.lstatSync(path.join(root, 'linked')).isSymbolicLink()).toBe(true);
  });
});
