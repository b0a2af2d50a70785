import { memoryContext } from '../../src/context';
import { gatherGoFacts, importSectionEnds, isCgoModule, parseGoMod, scanGoSource } from '../../transforms/go/facts';

describe('scanGoSource', () => {
  test('single import "C" with a preamble', () => {
    const s = scanGoSource('package main\n\n// #include <stdlib.h>\nimport "C"\n\nimport "fmt"\n');
    expect(s).toEqual({ pkg: 'main', importsC: true, imports: ['fmt'], embeds: [], importComment: null });
  });

  test('"C" inside a grouped import', () => {
    const s = scanGoSource('package main\n\nimport (\n\t"fmt"\n\t"C"\n\tsql "database/sql"\n\t_ "github.com/mattn/go-sqlite3"\n)\n');
    expect(s.importsC).toBe(true);
    expect(s.imports).toEqual(['fmt', 'database/sql', 'github.com/mattn/go-sqlite3']);
  });

  test('commented-out imports do not count', () => {
    const s = scanGoSource('package main\n\n// import "C"\n/*\nimport "C"\n*/\nimport (\n\t"fmt" // import "C"\n)\n');
    expect(s.importsC).toBe(false);
    expect(s.imports).toEqual(['fmt']);
  });

  test('import comment on the package clause', () => {
    expect(scanGoSource('package main // import "github.com/acme/hello"\n').importComment).toBe('github.com/acme/hello');
    expect(scanGoSource('package main /* import "github.com/acme/x" */\n').importComment).toBe('github.com/acme/x');
    expect(scanGoSource('package main\n// import "github.com/acme/no"\n').importComment).toBeNull();
  });

  test('package name of a library', () => {
    expect(scanGoSource('// Package x does things.\npackage x\n').pkg).toBe('x');
    expect(scanGoSource('no package clause').pkg).toBeNull();
  });

  test('go:embed patterns, all: prefix stripped, several per line', () => {
    const s = scanGoSource('package main\n\nimport "embed"\n\n//go:embed templates/*.html static\nvar a embed.FS\n\n//go:embed all:web\nvar b embed.FS\n');
    expect(s.embeds).toEqual(['templates/*.html', 'static', 'web']);
  });

  // BUG: a quoted pattern with a space is split into two patterns ("a", "b.txt").
  test('go:embed quoted pattern with a space', () => {
    expect(scanGoSource('package main\n//go:embed "a b.txt" dir\nvar x string\n').embeds).toEqual(['a b.txt', 'dir']);
  });
});

describe('parseGoMod', () => {
  test('module path, single-line and block requires, comments skipped', () => {
    const m = parseGoMod(
      'module example.com/m\n\ngo 1.22\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n\nrequire (\n\tgithub.com/a/b v1.0.0 // indirect\n\t// github.com/c/d v1.0.0\n\tgolang.org/x/sys v0.20.0\n)\n',
      '',
    );
    expect(m).toEqual({ dir: '', path: 'example.com/m', requires: ['github.com/mattn/go-sqlite3', 'github.com/a/b', 'golang.org/x/sys'] });
  });

  test('quoted module path and a sub-folder module', () => {
    expect(parseGoMod('module "example.com/q"\n', 'tools')).toEqual({ dir: 'tools', path: 'example.com/q', requires: [] });
  });

  test('CRLF go.mod', () => {
    const m = parseGoMod('module example.com/w\r\n\r\nrequire (\r\n\tgithub.com/mattn/go-sqlite3 v1.14.22\r\n)\r\n', '');
    expect(m.path).toBe('example.com/w');
    expect(m.requires).toEqual(['github.com/mattn/go-sqlite3']);
  });
});

describe('isCgoModule', () => {
  test.each([
    ['github.com/mattn/go-sqlite3', 'github.com/mattn/go-sqlite3'],
    ['github.com/mattn/go-sqlite3/v2', 'github.com/mattn/go-sqlite3'],
    ['github.com/google/gopacket/pcap', 'github.com/google/gopacket/pcap'],
    ['gopkg.in/gographics/imagick.v3/imagick', 'gopkg.in/gographics/imagick'],
    ['github.com/mattn/go-sqlite3x', null],
    ['github.com/google/gopacket', null],
    ['modernc.org/sqlite', null],
  ])('%s → %s', (p, expected) => expect(isCgoModule(p)).toBe(expected));
});

describe('gatherGoFacts', () => {
  const main = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n';

  test('a plain modules app: no cgo, main at the root', () => {
    const f = gatherGoFacts(memoryContext({ 'go.mod': 'module example.com/hello\n\ngo 1.22\n', 'main.go': main, 'templates/a.html': 'x' }), true);
    expect(f.cgo).toEqual([]);
    expect(f.hasContext).toBe(true);
    expect(f.truncated).toBe(false);
    expect(f.mainDirs).toEqual(['']);
    expect(f.modules).toEqual([{ dir: '', path: 'example.com/hello', requires: [] }]);
    expect(f.files).toEqual(['go.mod', 'main.go', 'templates/a.html']);
    expect(f.cxx).toBe(false);
  });

  test('cgo by import "C", by go.mod and by vendor/modules.txt, each with its reason', () => {
    const f = gatherGoFacts(memoryContext({
      'go.mod': 'module example.com/x\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n',
      'vendor/modules.txt': '# github.com/confluentinc/confluent-kafka-go/v2 v2.3.0\n## explicit\n',
      'cmd/c/main.go': 'package main\n\nimport "C"\n\nfunc main() {}\n',
    }), true);
    expect(f.cgo).toEqual([
      'import "C" in cmd/c/main.go',
      'github.com/mattn/go-sqlite3 in go.mod',
      'github.com/confluentinc/confluent-kafka-go in vendor/modules.txt',
    ]);
    expect(f.mainDirs).toEqual(['cmd/c']);
  });

  test('cgo only in a _test.go file does not count', () => {
    const f = gatherGoFacts(memoryContext({ 'go.mod': 'module m\n', 'main.go': main, 'main_test.go': 'package main\n\nimport "C"\n' }), true);
    expect(f.cgo).toEqual([]);
  });

  test('a cgo module imported by a source file', () => {
    const f = gatherGoFacts(memoryContext({ 'main.go': 'package main\n\nimport _ "github.com/mattn/go-sqlite3"\n' }), true);
    expect(f.cgo).toEqual(['github.com/mattn/go-sqlite3 imported by main.go']);
  });

  test('C++ sources are noted', () => {
    expect(gatherGoFacts(memoryContext({ 'main.go': main, 'lib.cc': '' }), true).cxx).toBe(true);
  });

  test('import path from the import comment, else from .godir', () => {
    expect(gatherGoFacts(memoryContext({ 'main.go': 'package main // import "github.com/acme/hello"\n' }), true).rootImportPath).toBe('github.com/acme/hello');
    expect(gatherGoFacts(memoryContext({ 'main.go': main, '.godir': 'github.com/acme/svc\n' }), true).rootImportPath).toBe('github.com/acme/svc');
    expect(gatherGoFacts(memoryContext({ 'sub/main.go': 'package main // import "github.com/acme/sub"\n' }), true).rootImportPath).toBeNull();
  });

  test('go:embed paths are made context-relative', () => {
    const f = gatherGoFacts(memoryContext({ 'web/web.go': 'package web\n\n//go:embed static\nvar s embed.FS\n', 'web/static/a.css': '' }), true);
    expect(f.embedded).toEqual(['web/static']);
  });

  test('.dockerignore hides files from the scan', () => {
    const f = gatherGoFacts(memoryContext({ '.dockerignore': 'cgo/\n', 'main.go': main, 'cgo/x.go': 'package x\n\nimport "C"\n' }), true);
    expect(f.files).toEqual(['.dockerignore', 'main.go']);
    expect(f.cgo).toEqual([]);
  });

  describe('a .go file over the 256 KB read bound is checked by its head', () => {
    const pad = (n: number) => `// ${'x'.repeat(n)}\n`;
    const big = 300 * 1024;
    test('import "C" at the top: cgo', () => {
      const f = gatherGoFacts(memoryContext({ 'main.go': main, 'gen.go': `package main\n\n// #include <zlib.h>\nimport "C"\n\nfunc f() {}\n${pad(big)}` }), true);
      expect(f.cgo).toEqual(['import "C" in gen.go']);
    });
    test('imports, then declarations, then bulk: no cgo', () => {
      const f = gatherGoFacts(memoryContext({ 'main.go': main, 'tables.go': `package main\n\nimport "fmt"\n\nvar table = []byte{\n${'1, '.repeat(big)}\n}\n\nfunc g() { fmt.Println() }\n` }), true);
      expect(f.cgo).toEqual([]);
    });
    test('a head with no declaration in it (its imports may go on): a doubt, so cgo is kept', () => {
      const f = gatherGoFacts(memoryContext({ 'main.go': main, 'doc.go': `/*\n${'func x\n'.repeat(big / 7)}*/\npackage main\n\nimport "C"\n` }), true);
      expect(f.cgo).toEqual(['doc.go is too large to check for cgo']);
    });
    test('a small file is read whole, whatever its declarations', () => {
      const f = gatherGoFacts(memoryContext({ 'main.go': 'package main\n\nimport "os"\n' }), true);
      expect(f.cgo).toEqual([]);
    });
  });

  test('without a context nothing is known', () => {
    const f = gatherGoFacts(memoryContext({ 'main.go': main }), false);
    expect(f).toMatchObject({ files: [], truncated: true, hasContext: false, cgo: [], mainDirs: [], mainDirFiles: [], unreadGoDirs: [] });
  });

  test('the files of folders with a `package main`: names, packages, constraints, whether they start programs', () => {
    const f = gatherGoFacts(memoryContext({
      'cmd/run/main.go': 'package main\n\nimport (\n\t"os/exec"\n)\n\nfunc main() { _ = exec.Command }\n',
      'cmd/run/doc_windows.go': '// +build windows\n\npackage main\n',
      'lib/gen.go': '//go:build ignore\n\npackage main\n\nfunc main() {}\n',
      'lib/lib.go': 'package lib\n',
      'plain/p.go': 'package plain\n',
      'reexec/main.go': 'package main\n\nimport "syscall"\n\nfunc main() { syscall.Exec("/bin/x", nil, nil) }\n',
    }), true);
    expect(f.mainDirs).toEqual(['cmd/run', 'lib', 'reexec']);
    expect(f.mainDirFiles).toEqual([
      { dir: 'cmd/run', name: 'doc_windows.go', pkg: 'main', constraints: { goBuild: null, plusBuild: ['windows'] }, execs: false },
      { dir: 'cmd/run', name: 'main.go', pkg: 'main', constraints: { goBuild: null, plusBuild: null }, execs: true },
      { dir: 'lib', name: 'gen.go', pkg: 'main', constraints: { goBuild: 'ignore', plusBuild: null }, execs: false },
      { dir: 'lib', name: 'lib.go', pkg: 'lib', constraints: { goBuild: null, plusBuild: null }, execs: false },
      { dir: 'reexec', name: 'main.go', pkg: 'main', constraints: { goBuild: null, plusBuild: null }, execs: true },
    ]);
    expect(f.unreadGoDirs).toEqual([]);
  });
});

describe('importSectionEnds', () => {
  test('a declaration at the start of a line ends the imports', () => {
    expect(importSectionEnds('package p\n\nimport "fmt"\n\nfunc f() {}\n')).toBe(true);
    expect(importSectionEnds('package p\nconst X = 1\n')).toBe(true);
    expect(importSectionEnds('package p\ntype T int\n')).toBe(true);
  });
  test('none yet, or only inside a block comment: not ended', () => {
    expect(importSectionEnds('package p\n\nimport (\n\t"fmt"\n')).toBe(false);
    expect(importSectionEnds('/*\nfunc x\n*/\npackage p\nimport "C"\n')).toBe(false);
    expect(importSectionEnds('package p\n/* an open comment\nfunc x\n')).toBe(false);
  });
});

describe('programsNamed', () => {
  const { programsNamed } = require('../../transforms/go/facts') as typeof import('../../transforms/go/facts');
  test('literal names given to exec.Command, CommandContext and LookPath', () => {
    const src = [
      'out, _ := exec.Command("git", "rev-parse").Output()',
      'cmd := exec.CommandContext(ctx, "ffmpeg", "-i", in)',
      'p, _ := exec.LookPath(`convert`)',
      'exec.Command(name, args...) // a variable: not named',
      '// exec.Command("commented-out")',
    ].join('\n');
    expect(programsNamed(src).sort()).toEqual(['convert', 'ffmpeg', 'git']);
  });
});
