import type { Instr } from '../../src/dockerfile';
import type { Artifact } from '../../transforms/go/analyze';
import { chooseBinaries } from '../../transforms/go/binaries';
// The Go transform's messages come with the registry.
import '../../transforms';

const ins = (line: number) => ({ line } as Instr);
const installed = (name: string, over: Partial<Artifact> = {}): Artifact => ({
  path: `/go/bin/${name}`, dir: false, tool: false, ins: ins(4), installDir: '/go/bin', uncertain: false, execs: false, ...over,
});
const ids = (r: ReturnType<typeof chooseBinaries>) => r.messages.map((m) => m.id);

describe('chooseBinaries', () => {
  test('one binary started: only it is copied; the others are named as left in the builder', () => {
    const [api, worker, maybe] = [installed('api'), installed('worker'), installed('gen', { uncertain: true })];
    const r = chooseBinaries([api, worker, maybe], new Set([api]), 'builder');
    expect(r.paths).toEqual(['/go/bin/api']);
    expect(ids(r)).toEqual(['go/binaries-left']);
    expect(r.messages[0].text).toContain('/go/bin/worker, /go/bin/gen (if built)');
    expect(r.messages[0].text).toContain('COPY --from=builder');
  });

  test('two binaries started from one install folder: the folder whole', () => {
    const [api, probe, worker] = [installed('api'), installed('probe'), installed('worker')];
    const r = chooseBinaries([api, probe, worker], new Set([api, probe]), 'build');
    expect(r.paths).toEqual(['/go/bin']);
    expect(ids(r)).toEqual(['go/binaries-folder']);
    expect(r.messages[0].text).toContain('the start commands run api, probe');
  });

  test('a started binary that runs other programs takes its siblings: the folder whole', () => {
    const [api, worker] = [installed('api', { execs: true }), installed('worker')];
    const r = chooseBinaries([api, worker], new Set([api]), 'builder');
    expect(r.paths).toEqual(['/go/bin']);
    expect(r.messages[0].text).toContain('api starts other programs');
  });

  test('a started binary that may not be built: the folder, never the file', () => {
    const arch = installed('arch', { uncertain: true });
    const r = chooseBinaries([arch], new Set([arch]), 'builder');
    expect(r.paths).toEqual(['/go/bin']);
    expect(r.messages[0].text).toContain('depends on build constraints');
  });

  test('in a folder that holds more than binaries: each file, or left alone when one may not be built', () => {
    const inBin = (name: string, over: Partial<Artifact> = {}) => installed(name, { path: `/usr/local/bin/${name}`, installDir: '/usr/local/bin', ...over });
    const [a, b] = [inBin('a'), inBin('b')];
    expect(chooseBinaries([a, b], new Set([a, b]), 'builder').paths).toEqual(['/usr/local/bin/a', '/usr/local/bin/b']);
    const unsure = inBin('c', { uncertain: true });
    expect(chooseBinaries([unsure], new Set([unsure]), 'builder').skip?.id).toBe('go/binary-uncertain');
  });

  test('`go build -o` files: sources unknown means any may be run (all copied, as files)', () => {
    const server = { path: '/app/server', dir: false, tool: false, ins: ins(3), execs: null };
    const migrate = { path: '/app/migrate', dir: false, tool: false, ins: ins(4), execs: null };
    expect(chooseBinaries([server, migrate], new Set([server]), 'builder')).toEqual({ paths: ['/app/server', '/app/migrate'], messages: [] });
    const known = { ...server, execs: false };
    expect(chooseBinaries([known, migrate], new Set([known]), 'builder').paths).toEqual(['/app/server']);
  });

  test('tools (`go install x@v`) follow only when started, and are never listed as left', () => {
    const [api, tool] = [installed('api'), installed('migrate', { tool: true })];
    expect(chooseBinaries([api, tool], new Set([api]), 'builder')).toEqual({ paths: ['/go/bin/api'], messages: [] });
  });
});
