import { compileDockerignore } from '../../src/dockerignore';

describe('compileDockerignore', () => {
  const m = compileDockerignore('# comment\nnode_modules\n*.md\n!README.md\ndocs/**\n**/*.tmp\n/build\n./dist/\n\n  secrets  \n');

  test.each([
    ['node_modules/x/y.js', true],
    ['a.md', true],
    ['README.md', false],
    ['sub/a.md', false],
    ['docs/a/b.txt', true],
    ['x/y/z.tmp', true],
    ['z.tmp', true],
    ['build/out', true],
    ['src/build', false],
    ['dist/app', true],
    ['secrets/key', true],
    ['main.go', false],
    ['# comment', false],
  ])('%s → %s', (p, expected) => expect(m(p)).toBe(expected));

  test('last matching rule wins', () => {
    const x = compileDockerignore('!keep.txt\n*.txt\n');
    expect(x('keep.txt')).toBe(true);
    const y = compileDockerignore('*.txt\n!keep.txt\n');
    expect(y('keep.txt')).toBe(false);
  });

  test('? and character classes', () => {
    const x = compileDockerignore('file?.log\n[ab].txt\n[!c]x.txt\n');
    expect(x('file1.log')).toBe(true);
    expect(x('file10.log')).toBe(false);
    expect(x('a.txt')).toBe(true);
    expect(x('c.txt')).toBe(false);
    expect(x('dx.txt')).toBe(true);
    expect(x('cx.txt')).toBe(false);
  });

  test('CRLF lines', () => {
    const x = compileDockerignore('vendor\r\n*.log\r\n');
    expect(x('vendor/modules.txt')).toBe(true);
    expect(x('a.log')).toBe(true);
    expect(x('a.go')).toBe(false);
  });

  test('mayReinclude tells whether a folder can hold re-included files', () => {
    const x = compileDockerignore('config/\n!config/prod.yaml\n');
    expect(x('config/dev.yaml')).toBe(true);
    expect(x('config/prod.yaml')).toBe(false);
    expect(x.mayReinclude?.('config')).toBe(true);
    expect(x.mayReinclude?.('other')).toBe(false);
  });

  test('an empty file ignores nothing', () => {
    expect(compileDockerignore('')('anything')).toBe(false);
  });
});
