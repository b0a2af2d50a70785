import type { RunSpec } from '../../transforms/shared/commands';
import type { PackageJson } from '../../transforms/node/facts';
import { nodeScript, resolveStart, scriptProgram, startScriptManager } from '../../transforms/node/start';

function spec(exec: string[] | null, shell: string | null = null): RunSpec {
  return { ins: {} as RunSpec['ins'], keyword: 'CMD', cmdStart: 0, form: { exec, shell } };
}
function pkg(scripts: Record<string, string>): PackageJson {
  return { scripts, dependencies: {}, devDependencies: {}, main: null, bin: {}, packageManager: null };
}
const none = new Set<string>();

describe('start commands', () => {
  test.each([
    [['npm', 'start'], 'npm'], [['npm', 'run', 'start'], 'npm'], [['npm', 'run-script', 'start'], 'npm'], [['yarn', 'start'], 'yarn'],
    [['pnpm', 'start'], 'pnpm'], [['npm', '--silent', 'start'], 'npm'], [['npm', 'run', 'build'], null], [['node', 'start'], null],
  ])('startScriptManager(%j) → %s', (argv, expected) => expect(startScriptManager(argv)).toBe(expected));

  test('npm start with a plain node start script', () => {
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({ start: 'node dist/main.js --port 80' }), none))
      .toEqual({ kind: 'script-node', manager: 'npm', argv: ['node', 'dist/main.js', '--port', '80'], start: 'node dist/main.js --port 80' });
  });

  test('shell-form npm start resolves the same way', () => {
    expect(resolveStart(spec(null, 'npm start'), '\\', pkg({ start: 'node server.js' }), none).kind).toBe('script-node');
  });

  test('start scripts that are not a plain node command', () => {
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({ start: 'nodemon server.js' }), none).kind).toBe('script-other');
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({ start: 'NODE_ENV=production node server.js' }), none).kind).toBe('script-other');
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({ start: 'node a.js && node b.js' }), none).kind).toBe('script-other');
  });

  test('prestart hooks keep npm', () => {
    const s = resolveStart(spec(['npm', 'start']), '\\', pkg({ start: 'node s.js', prestart: 'node migrate.js' }), none);
    expect(s).toEqual({ kind: 'script-other', manager: 'npm', start: 'node s.js (with prestart)' });
  });

  test("npm's default start is node server.js when server.js exists (npm only)", () => {
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({}), new Set(['server.js'])).kind).toBe('script-node');
    expect(resolveStart(spec(['npm', 'start']), '\\', pkg({}), none).kind).toBe('script-missing');
    expect(resolveStart(spec(['yarn', 'start']), '\\', pkg({}), new Set(['server.js'])).kind).toBe('script-missing');
  });

  test('node and other programs', () => {
    expect(resolveStart(spec(['node', 'server.js']), '\\', null, none)).toEqual({ kind: 'node', argv: ['node', 'server.js'] });
    expect(resolveStart(spec(null, 'node server.js --x 1'), '\\', null, none)).toEqual({ kind: 'node', argv: ['node', 'server.js', '--x', '1'] });
    expect(resolveStart(spec(['pm2-runtime', 'a.js']), '\\', null, none)).toEqual({ kind: 'other', argv: ['pm2-runtime', 'a.js'] });
    expect(resolveStart(spec(null, 'node server.js --port $PORT'), '\\', null, none)).toEqual({ kind: 'other', argv: null });
  });

  test('nodeScript skips node options', () => {
    expect(nodeScript(['node', 'server.js'])).toBe('server.js');
    expect(nodeScript(['node', '--enable-source-maps', '-r', 'dotenv/config', 'dist/index.js', '--x'])).toBe('dist/index.js');
    expect(nodeScript(['node', '-e', 'console.log(1)'])).toBeNull();
    expect(nodeScript(['node'])).toBeNull();
  });

  test('scriptProgram skips assignments', () => {
    expect(scriptProgram('NODE_ENV=production ts-node src/index.ts')).toBe('ts-node');
    expect(scriptProgram('')).toBeNull();
  });
});
