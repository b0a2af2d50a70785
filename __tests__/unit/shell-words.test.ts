import { isAssignment, needsShell, scanShell, toArgv } from '../../src/shell-words';

const values = (text: string, escape = '\\') => scanShell(text, 0, escape).commands.map((c) => c.words.map((w) => w.value));

describe('scanShell words and offsets', () => {
  test('plain words with offsets relative to base', () => {
    const scan = scanShell('go build -o /app .', 100);
    expect(scan.commands).toHaveLength(1);
    expect(scan.commands[0].words.map((w) => [w.value, w.start, w.end])).toEqual([
      ['go', 100, 102], ['build', 103, 108], ['-o', 109, 111], ['/app', 112, 116], ['.', 117, 118],
    ]);
    expect([...scan.features]).toEqual([]);
  });

  test('quotes are removed from values, offsets cover the quotes', () => {
    const scan = scanShell(`a "b c" 'd e'`);
    expect(scan.commands[0].words.map((w) => [w.value, w.start, w.end, w.quoted])).toEqual([
      ['a', 0, 1, false], ['b c', 2, 7, true], ['d e', 8, 13, true],
    ]);
    expect(scan.features.has('quote')).toBe(true);
  });

  test('double-quote escapes', () => {
    expect(values('echo "a\\"b" "\\$x"')).toEqual([['echo', 'a"b', '$x']]);
  });

  test('expansions are kept as written and flagged', () => {
    const scan = scanShell('/app -port $PORT ${HOST:-x} $(date)');
    expect(scan.commands[0].words.map((w) => [w.value, w.expansion])).toEqual([
      ['/app', false], ['-port', false], ['$PORT', true], ['${HOST:-x}', true], ['$(date)', true],
    ]);
    expect(scan.features.has('expansion')).toBe(true);
  });

  test('operators split commands', () => {
    const scan = scanShell('cd sub && go build; echo ok || true | cat');
    expect(scan.commands.map((c) => c.words.map((w) => w.value))).toEqual([['cd', 'sub'], ['go', 'build'], ['echo', 'ok'], ['true'], ['cat']]);
    expect(scan.features.has('operator')).toBe(true);
  });

  test('continuation with LF is joined', () => {
    expect(values('go build \\\n  -o /app .')).toEqual([['go', 'build', '-o', '/app', '.']]);
  });

  test('continuation with CRLF is joined and offsets skip the line break', () => {
    const scan = scanShell('go build \\\r\n  -o /app .', 10);
    expect(scan.commands[0].words.map((w) => [w.value, w.start])).toEqual([['go', 10], ['build', 13], ['-o', 24], ['/app', 27], ['.', 32]]);
    expect([...scan.features]).toEqual([]);
  });

  test('backtick escape joins lines when it is the escape character', () => {
    expect(values('go build `\n  -o /app .', '`')).toEqual([['go', 'build', '-o', '/app', '.']]);
    expect(values('go build `\r\n  -o /app .', '`')).toEqual([['go', 'build', '-o', '/app', '.']]);
  });

  test('with the backtick escape, a backslash is an ordinary shell escape', () => {
    expect(values('/app a\\ b', '`')).toEqual([['/app', 'a b']]);
  });

  test('comment lines inside a continuation are dropped', () => {
    expect(values('go mod download && \\\n# build it\n    go build -o /app .')).toEqual([['go', 'mod', 'download'], ['go', 'build', '-o', '/app', '.']]);
    expect(values('a \\\r\n  # note\r\n  b')).toEqual([['a', 'b']]);
  });

  test('features: redirect, glob, subshell, tilde, comment, keyword, assignment', () => {
    expect(scanShell('/app > /tmp/log 2>&1').features.has('redirect')).toBe(true);
    expect(scanShell('/app *.txt').features.has('glob')).toBe(true);
    expect(scanShell('(cd /x && /app)').features.has('subshell')).toBe(true);
    expect(scanShell('/app ~/conf').features.has('tilde')).toBe(true);
    expect(scanShell('/app # trailing').features.has('comment')).toBe(true);
    expect(scanShell('if true; then /app; fi').features.has('keyword')).toBe(true);
    expect(scanShell('GODEBUG=x /app').features.has('assignment')).toBe(true);
  });

  test('reserved words are dropped from command words', () => {
    expect(values('if true; then /app; fi')).toEqual([['true'], ['/app']]);
  });
});

describe('isAssignment', () => {
  const w = (value: string) => ({ value, start: 0, end: value.length, expansion: false, quoted: false });
  test.each([
    ['A=1', true], ['CGO_ENABLED=0', true], ['_x=', true], ['1A=1', false], ['=x', false], ['-o=x', false], ['a', false],
  ])('%s → %s', (v, expected) => expect(isAssignment(w(v))).toBe(expected));
});

describe('needsShell / toArgv', () => {
  test('one command of literal words converts exactly', () => {
    expect(toArgv('/app -port 8080')).toEqual(['/app', '-port', '8080']);
    expect(toArgv(`/app -g "hello world" -n 'x y'`)).toEqual(['/app', '-g', 'hello world', '-n', 'x y']);
    expect(toArgv('/app a\\ b')).toEqual(['/app', 'a b']);
    expect(toArgv('/app \\\n  -v')).toEqual(['/app', '-v']);
    expect(toArgv('/app `\n  -v', '`')).toEqual(['/app', '-v']);
  });

  test.each([
    '/app -port $PORT', '/app && /other', '/app > log', 'A=1 /app', '/app *.txt', '/app; /b', '(/app)', '/app ~/x', 'if true; then /app; fi',
  ])('needs a shell: %s', (text) => {
    expect(toArgv(text)).toBeNull();
    expect(needsShell(scanShell(text))).toBe(true);
  });

  test('empty text needs a shell (no command to run)', () => {
    expect(toArgv('')).toBeNull();
  });

  // BUG: `exec` is a shell builtin; `CMD exec /app` must become ["/app"], not ["exec", "/app"]
  // (there is no `exec` binary, the container would not start).
  test('exec prefix is dropped', () => {
    expect(toArgv('exec /app -port 8080')).toEqual(['/app', '-port', '8080']);
  });
});
