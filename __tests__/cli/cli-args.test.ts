import { spawnSync } from 'child_process';
import * as path from 'path';
import { main, parseArgs, readVersion } from '../../src/cli';
import type { CliArgs } from '../../src/cli';
import { ROOT } from './helpers';

const args = (argv: string[]): CliArgs => {
  const p = parseArgs(argv);
  if (p.kind !== 'args') throw new Error('expected arguments');
  return p.args;
};

describe('parseArgs', () => {
  it('defaults to the current folder, a dry run, text output', () => {
    expect(args([])).toMatchObject({ paths: ['.'], stdin: false, write: false, check: false, listDifferent: false, format: 'text', explain: false, quiet: false, debug: false });
    expect(args([]).color).toBeUndefined();
  });

  it('maps short flags and kebab-case options', () => {
    expect(args(['-w', '-l', 'a', 'b/*', '--patch-file', 'x.patch', '--stdin-filepath', 'p', '--runtime', 'alpine', '--user', 'root', '--context', 'ctx']))
      .toMatchObject({ paths: ['a', 'b/*'], write: true, listDifferent: true, patchFile: 'x.patch', stdinFilepath: 'p', runtime: 'alpine', user: 'root', context: 'ctx' });
    expect(args(['-c', '-o', 'r.md', '--format', 'markdown'])).toMatchObject({ check: true, output: 'r.md', format: 'markdown' });
  });

  it('takes a bare `-` as stdin, and `-o -` as stdout', () => {
    expect(args(['-'])).toMatchObject({ stdin: true, paths: [] });
    expect(args(['.', '-o', '-'])).toMatchObject({ stdin: false, paths: ['.'], output: '-' });
  });

  it('reads --color / --no-color as a tri-state', () => {
    expect(args(['--color']).color).toBe(true);
    expect(args(['--no-color']).color).toBe(false);
  });

  it('returns help and version text instead of printing it', () => {
    const help = parseArgs(['--help']);
    expect(help.kind).toBe('output');
    expect(help.kind === 'output' && help.text).toContain('stageify [paths..]');
    expect(parseArgs(['--version', '-q'])).toEqual({ kind: 'output', text: readVersion() + '\n' });
  });

  it('rejects --user values it does not know', () => {
    expect(() => parseArgs(['--user', 'admin'])).toThrow(/Invalid values/);
  });

  it('maps the --verify options, splitting --verify-args into words', () => {
    expect(args(['--verify', '--verify-network', 'host', '--verify-cmd', '/app', '--verify-args=--port "8 0"']))
      .toMatchObject({ verify: true, verifyNetwork: 'host', verifyCmd: '/app', verifyArgs: ['--port', '8 0'] });
    expect(args([]).verifyArgs).toBeUndefined();
    expect(() => parseArgs(['--verify', '--verify-args', 'a | b'])).toThrow(/plain words/);
    expect(() => parseArgs(['--verify-cmd', '/app'])).toThrow(/need --verify/);
  });

  it('maps --verify-wait, --verify-http and --verify-sidecar, and refuses bad values', () => {
    expect(args(['--verify', '--verify-wait', '2.5', '--verify-http', '8080/healthz', '--verify-sidecar', 'busybox:latest']))
      .toMatchObject({ verifyWait: 2.5, verifyHttp: { port: 8080, path: '/healthz' }, verifySidecar: 'busybox:latest' });
    expect(args(['--verify', '--verify-http', '3000']).verifyHttp).toEqual({ port: 3000, path: '/' });
    expect(args(['--verify']).verifyWait).toBeUndefined();
    expect(() => parseArgs(['--verify', '--verify-wait', '0'])).toThrow(/--verify-wait must be a number of seconds/);
    expect(() => parseArgs(['--verify', '--verify-http', 'example.com:80/'])).toThrow(/--verify-http must be PORT or PORT\/PATH/);
    expect(() => parseArgs(['--verify', '--verify-http', '1', '--verify-http', '2'])).toThrow(/more than once/);
    expect(() => parseArgs(['--verify-http', '8080'])).toThrow(/need --verify/);
  });
});

describe('main', () => {
  it('returns the exit code instead of exiting, and writes to the streams it is given', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (s: string | Uint8Array) => out.push(String(s)) },
      stderr: { write: (s: string | Uint8Array) => err.push(String(s)) },
      stdin: process.stdin, env: {}, cwd: ROOT,
    };
    await expect(main(['--nope'], io)).resolves.toBe(2);
    expect(err.join('')).toBe('stageify: error: Unknown argument: nope (see stageify --help)\n');
    await expect(main(['--version'], io)).resolves.toBe(0);
    expect(out.join('')).toBe(readVersion() + '\n');
  });

  it('does not load yargs or the engine for --version (start-up time)', () => {
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist/src/cli.js'))}).main(['--version']).then(() => {
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({ yargs: loaded.some((k) => k.includes('node_modules/yargs')), engine: loaded.some((k) => k.endsWith('index.js') && k.includes('dist/src')) }));
    });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').pop()).toBe('{"yargs":false,"engine":false}');
  });
});
