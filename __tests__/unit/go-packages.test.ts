import { memoryContext } from '../../src/context';
import { gatherGoFacts } from '../../transforms/go/facts';
import { goMinorOfTag, isMainPackage, mainPackagesUnder, walkEnters } from '../../transforms/go/packages';
import type { BuildEnv } from '../../transforms/go/build-constraints';

const main = 'package main\n\nfunc main() {}\n';
const env = (goMinor: number | null, over: Partial<BuildEnv> = {}): BuildEnv => ({ goos: 'linux', goarch: null, goMinor, tags: new Set(), cgo: null, ...over });
const gopath = (goMinor: number | null) => ({ goMinor, modules: false, workspace: false });

describe('goMinorOfTag', () => {
  test.each([['1.10', 10], ['1.8-alpine', 8], ['1.22.3-bookworm', 22], ['1', null], ['latest', null], ['alpine', null], [null, null]])(
    '%s → %s', (tag, minor) => expect(goMinorOfTag(tag)).toBe(minor),
  );
});

describe('walkEnters', () => {
  test('vendor/ until Go 1.9 in GOPATH mode, never in module mode', () => {
    expect(walkEnters('vendor/github.com/other/tool', gopath(8))).toBe(true);
    expect(walkEnters('vendor/github.com/other/tool', gopath(9))).toBe(false);
    expect(walkEnters('vendor/github.com/other/tool', { goMinor: 8, modules: true, workspace: false })).toBe(false);
    expect(walkEnters('vendor/github.com/other/tool', gopath(null))).toBe(false);
  });

  test('folders starting with . or _ and testdata, at any depth, never', () => {
    for (const rel of ['_examples/demo', '.tools/x', 'cmd/testdata/fake', 'cmd/_old']) expect(walkEnters(rel, gopath(8))).toBe(false);
    expect(walkEnters('cmd/api', gopath(8))).toBe(true);
    expect(walkEnters('', gopath(8))).toBe(true);
  });
});

describe('mainPackagesUnder', () => {
  const context = {
    'main.go': main,
    'cmd/a/main.go': main,
    'cmd/b/main.go': 'package main\n\nimport "os/exec"\n\nfunc main() { _ = exec.Command }\n',
    'vendor/github.com/other/tool/main.go': main,
    'internal/gen/gen.go': '// +build ignore\n\npackage main\n\nfunc main() {}\n',
    'internal/gen/doc.go': 'package gen\n',
    'tools/tools.go': '//go:build ignore\n\npackage main\n',
    '_examples/demo/main.go': main,
    'testdata/fake/main.go': main,
    'arch/only_amd64.go': main,
  };
  const facts = gatherGoFacts(memoryContext(context), true);
  const dirs = (goMinor: number | null, over: Partial<BuildEnv> = {}) =>
    mainPackagesUnder('', facts, gopath(goMinor), env(goMinor, over)).map((m) => `${m.dir || '.'}${m.certain ? '' : '?'}${m.execs ? '!' : ''}`);

  test('Go 1.8 (GOPATH mode) installs vendored mains; a `//go:build`-only file is still built', () => {
    expect(dirs(8)).toEqual(['.', 'arch?', 'cmd/a', 'cmd/b!', 'tools', 'vendor/github.com/other/tool']);
  });

  test('Go 1.10 leaves vendor/ out; Go 1.17 honours `//go:build ignore`', () => {
    expect(dirs(10)).toEqual(['.', 'arch?', 'cmd/a', 'cmd/b!', 'tools']);
    expect(dirs(17)).toEqual(['.', 'arch?', 'cmd/a', 'cmd/b!']);
  });

  test('a GOARCH the build sets decides file-name suffixes', () => {
    expect(dirs(17, { goarch: 'amd64' })).toContain('arch');
    expect(dirs(17, { goarch: 'arm64' })).not.toContain('arch');
    expect(dirs(17, { goarch: 'arm64' })).not.toContain('arch?');
  });

  test('below a pattern root: `./cmd/...`', () => {
    expect(mainPackagesUnder('cmd', facts, gopath(10), env(10)).map((m) => m.dir)).toEqual(['cmd/a', 'cmd/b']);
  });

  test('module mode does not enter nested modules, unless a go.work may add them', () => {
    const f = gatherGoFacts(memoryContext({
      'go.mod': 'module example.com/app\n', 'main.go': main, 'tools/go.mod': 'module example.com/tools\n', 'tools/lint/main.go': main,
    }), true);
    const rules = { goMinor: 22, modules: true, workspace: false };
    expect(mainPackagesUnder('', f, rules, env(22)).map((m) => m.dir)).toEqual(['']);
    expect(mainPackagesUnder('', f, { ...rules, workspace: true }, env(22)).map((m) => `${m.dir}${m.certain ? '' : '?'}`)).toEqual(['', 'tools/lint?']);
    // GOPATH mode knows no modules.
    expect(mainPackagesUnder('', f, gopath(22), env(22)).map((m) => m.dir)).toEqual(['', 'tools/lint']);
  });

  test('a folder with Go files that were not read is undecided', () => {
    const f = { ...facts, unreadGoDirs: ['cmd/c'] };
    expect(mainPackagesUnder('cmd', f, gopath(10), env(10)).map((m) => `${m.dir}${m.certain ? '' : '?'}`)).toEqual(['cmd/a', 'cmd/b', 'cmd/c?']);
  });
});

describe('isMainPackage', () => {
  const head = (name: string, pkg: string | null, goBuild: string | null = null) => ({ dir: '', name, pkg, constraints: { goBuild, plusBuild: null }, execs: false });

  test('only the files the build includes decide', () => {
    expect(isMainPackage([head('a.go', 'main'), head('b_windows.go', 'other')], env(22))).toBe(true);
    expect(isMainPackage([head('gen.go', 'main', 'ignore'), head('lib.go', 'lib')], env(22))).toBe(false);
    expect(isMainPackage([head('gen.go', 'main', 'ignore')], env(22))).toBe(false);
    expect(isMainPackage([head('a.go', 'main', 'amd64')], env(22))).toBeNull();
    expect(isMainPackage([head('a.go', 'main'), head('b.go', 'main', 'arm64')], env(22))).toBe(true);
    // Included files that disagree: the build fails, nothing is sure to be installed.
    expect(isMainPackage([head('a.go', 'main'), head('b.go', 'lib')], env(22))).toBeNull();
  });
});
