import { binaryName, isRelativePackage, lastElement, parseGoArgs } from '../../transforms/go/go-command';

const noModule = () => null;

describe('parseGoArgs', () => {
  test('value flags take the next word; packages follow', () => {
    const a = parseGoArgs(['-o', '/app', '-ldflags', '-s -w', '-v', './cmd/x'], 'build');
    expect([...a.flags]).toEqual([['o', '/app'], ['ldflags', '-s -w'], ['v', 'true']]);
    expect(a.flagWords).toEqual(['-o', '/app', '-ldflags', '-s -w', '-v']);
    expect(a.packages).toEqual(['./cmd/x']);
    expect(a.programArgs).toEqual([]);
  });

  test('-flag=value and --flag forms', () => {
    const a = parseGoArgs(['-o=/out/', '--tags=netgo', '-trimpath', './...'], 'build');
    expect(a.flags.get('o')).toBe('/out/');
    expect(a.flags.get('tags')).toBe('netgo');
    expect(a.flags.get('trimpath')).toBe('true');
    expect(a.packages).toEqual(['./...']);
  });

  test('-C dir is a value flag', () => {
    const a = parseGoArgs(['-C', 'cmd/server', '.'], 'build');
    expect(a.flags.get('C')).toBe('cmd/server');
    expect(a.packages).toEqual(['.']);
  });

  test('-- ends the flags', () => {
    const a = parseGoArgs(['-v', '--', '-weird-pkg'], 'build');
    expect(a.packages).toEqual(['-weird-pkg']);
  });

  test('go run: a list of .go files, then the program arguments', () => {
    const a = parseGoArgs(['-tags', 'netgo', 'main.go', 'util.go', '-port', '8080'], 'run');
    expect(a.flagWords).toEqual(['-tags', 'netgo']);
    expect(a.packages).toEqual(['main.go', 'util.go']);
    expect(a.programArgs).toEqual(['-port', '8080']);
  });

  test('go run: one package, then the program arguments', () => {
    const a = parseGoArgs(['.', '-x', 'y.go'], 'run');
    expect(a.packages).toEqual(['.']);
    expect(a.programArgs).toEqual(['-x', 'y.go']);
  });

  test('go run with no package', () => {
    expect(parseGoArgs([], 'run')).toMatchObject({ packages: [], programArgs: [] });
  });
});

describe('lastElement', () => {
  test.each([
    ['example.com/acme/hello', 'hello'],
    ['example.com/acme/hello/v2', 'hello'],
    ['github.com/swaggo/swag/cmd/swag@v1.16.3', 'swag'],
    ['example.com/tool/v3@latest', 'tool'],
    ['v2', 'v2'],
    ['gopkg.in/yaml.v3', 'yaml.v3'],
  ])('%s → %s', (p, expected) => expect(lastElement(p)).toBe(expected));
});

describe('isRelativePackage', () => {
  test.each([
    ['.', true], ['..', true], ['./cmd/x', true], ['../x', true], ['/go/src/x', true], ['example.com/x', false], ['cmd/x', false], ['./...', true],
  ])('%s → %s', (p, expected) => expect(isRelativePackage(p)).toBe(expected));
});

describe('binaryName', () => {
  test('.go file list: named after the first file', () => {
    expect(binaryName('main.go', '/src', noModule)).toBe('main');
    expect(binaryName('cmd/server/server.go', '/src', noModule)).toBe('server');
  });

  test('... patterns have no single name', () => {
    expect(binaryName('./...', '/src', noModule)).toBeNull();
    expect(binaryName('./cmd/...', '/src', noModule)).toBeNull();
  });

  test('relative package at a module root: the module path names it (skipping /vN)', () => {
    const mod = (d: string) => (d === '/src' ? 'example.com/acme/hello/v2' : null);
    expect(binaryName('.', '/src', mod)).toBe('hello');
  });

  test('relative package below the module root: its folder names it', () => {
    const mod = (d: string) => (d === '/src' ? 'example.com/acme/hello' : null);
    expect(binaryName('./cmd/api', '/src', mod)).toBe('api');
    expect(binaryName('.', '/src/cmd/worker', mod)).toBe('worker');
  });

  test('relative package without a module: the folder name', () => {
    expect(binaryName('.', '/go/src/app', noModule)).toBe('app');
    expect(binaryName('..', '/go/src/app/cmd', noModule)).toBe('app');
  });

  test('the root folder has no name', () => {
    expect(binaryName('.', '/', noModule)).toBeNull();
  });

  test('import paths: last element, version suffix and @version skipped', () => {
    expect(binaryName('github.com/acme/tool', '/src', noModule)).toBe('tool');
    expect(binaryName('github.com/acme/tool/v4', '/src', noModule)).toBe('tool');
    expect(binaryName('github.com/acme/tool/v4@v4.1.0', '/src', noModule)).toBe('tool');
  });
});
