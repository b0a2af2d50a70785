import { analyzeStartScript, buildToolCall } from '../../transforms/shared/start-script';

const programsOf = (text: string, path = '/app/run.sh', workdir = '/app') => {
  const a = analyzeStartScript(text, path, workdir);
  if (a.kind !== 'script') throw new Error(`expected a script, got ${a.kind}`);
  return a.programs.map((p) => [p.program, p.cwd, p.line]);
};

describe('analyzeStartScript', () => {
  test('shebangs: sh, env sh with options, bash; others are not placed', () => {
    expect(analyzeStartScript('#!/bin/sh\nexec ./server\n', '/app/run.sh', '/app')).toMatchObject({ kind: 'script', shell: 'sh', interpreter: '/bin/sh', flags: [] });
    expect(analyzeStartScript('#!/usr/bin/env sh\nexec ./server\n', '/a', '/')).toMatchObject({ kind: 'script', shell: 'sh', interpreter: 'sh' });
    expect(analyzeStartScript('#!/bin/sh -e\nexec ./server\n', '/a', '/')).toMatchObject({ kind: 'script', flags: ['-e'] });
    expect(analyzeStartScript('#!/bin/bash\nexec ./server\n', '/a', '/')).toMatchObject({ kind: 'script', shell: 'bash' });
    expect(analyzeStartScript('#!/usr/bin/env python3\nprint(1)\n', '/a', '/')).toEqual({ kind: 'unknown-shell', interpreter: '/usr/bin/env python3' });
    expect(analyzeStartScript('exec ./server\n', '/a', '/')).toEqual({ kind: 'not-a-script' });
  });

  test('programs with their lines; builtins, keywords and assignments are not programs', () => {
    const text = '#!/bin/sh\nset -e\nif [ -z "$PORT" ]; then\n  export PORT=8080\nfi\nFOO=1 mkdir -p /tmp/x\necho "hi"\nexec ./server "$@"\n';
    expect(programsOf(text)).toEqual([['mkdir', '/app', 6], ['./server', '/app', 8]]);
  });

  test('`exec "$@"` is the script arguments; a program from a variable is kept as written', () => {
    expect(programsOf('#!/bin/sh\nexec "$@"\n')).toEqual([['"$@"', '/app', 2]]);
    expect(programsOf('#!/bin/sh\nexec $BIN --x\n')).toEqual([['$BIN', '/app', 2]]);
  });

  test('cd moves relative programs; cd "$(dirname "$0")" is the script folder; an unknown cd loses the folder', () => {
    expect(programsOf('#!/bin/sh\ncd /srv\n./a\n')).toEqual([['./a', '/srv', 3]]);
    expect(programsOf('#!/bin/sh\ncd "$(dirname "$0")"\n./a\n', '/opt/x/run.sh', '/')).toEqual([['dirname', '/', 2], ['./a', '/opt/x', 3]]);
    expect(programsOf('#!/bin/sh\ncd "$HOME"\n./a\n')).toEqual([['./a', null, 3]]);
  });

  test('command substitutions are read too', () => {
    expect(programsOf('#!/bin/sh\nX=$(curl -s http://x)\nexec ./server\n')).toEqual([['curl', '/app', 2], ['./server', '/app', 3]]);
  });

  test('build tools at start are reported with the line', () => {
    expect(analyzeStartScript('#!/bin/bash\ncd /go/src/app\ngo build -o /go/bin/app\n/go/bin/app\n', '/a', '/')).toEqual({ kind: 'builds', command: 'go build -o /go/bin/app', line: 3 });
    expect(analyzeStartScript('#!/bin/sh\nnpm install && node .\n', '/a', '/')).toMatchObject({ kind: 'builds', line: 2 });
    expect(buildToolCall(['go', 'version'])).toBeNull();
    expect(buildToolCall(['apk', 'add', 'curl'])).toBe('apk add curl');
  });

  test('heredocs and functions are not read', () => {
    expect(analyzeStartScript('#!/bin/sh\ncat <<EOF > /x\nhi\nEOF\nexec ./s\n', '/a', '/')).toEqual({ kind: 'unreadable', reason: 'a heredoc', line: 2 });
    expect(analyzeStartScript('#!/bin/sh\nstart() {\n  ./s\n}\nstart\n', '/a', '/')).toEqual({ kind: 'unreadable', reason: 'a shell function', line: 2 });
  });
});

describe('redirections', () => {
  test('are not programs, and 2>&1 does not split the command', () => {
    expect(programsOf('#!/bin/sh\necho x >/dev/null 2>&1\n> /tmp/log ./server 2>&1\nexec ./server >> /tmp/log 2>&1\n')).toEqual([['./server', '/app', 3], ['./server', '/app', 4]]);
  });
});
