import { execFileSync } from 'child_process';
import { parseDockerfile } from '../../src/dockerfile';
import { commandText, dockerArgs, execFormProblem, isShellTest, readExecForm, shellQuote, splitDockerFlags, whyNotJson } from '../../src/exec-form';

describe('readExecForm: Docker decodes a leading [ as JSON, else runs the text in a shell', () => {
  test('a JSON array of strings is the exec form, decoded exactly', () => {
    expect(readExecForm('["node", "server.js"]')).toEqual({ kind: 'exec', argv: ['node', 'server.js'] });
    expect(readExecForm('  [ "a" ,"b c" ]  ')).toEqual({ kind: 'exec', argv: ['a', 'b c'] });
    expect(readExecForm('[]')).toEqual({ kind: 'exec', argv: [] });
    expect(readExecForm('["say \\"hi\\"", "a\\\\b", "tab\\there"]')).toEqual({ kind: 'exec', argv: ['say "hi"', 'a\\b', 'tab\there'] });
    expect(readExecForm('["caf\\u00e9", "\\u2603"]')).toEqual({ kind: 'exec', argv: ['café', '☃'] });
    expect(readExecForm('["a/b", "\\/x"]')).toEqual({ kind: 'exec', argv: ['a/b', '/x'] });
  });

  test('text that does not start with [ is the shell form as written', () => {
    expect(readExecForm('node server.js')).toEqual({ kind: 'shell' });
    expect(readExecForm('')).toEqual({ kind: 'shell' });
    expect(readExecForm('echo ["a"]')).toEqual({ kind: 'shell' });
  });

  test.each([
    ["['node', 'server.js']", 'single quotes; JSON strings take double quotes'],
    ['["node", "server.js",]', 'a comma before the closing ]'],
    ['["node", "server.js"', 'no closing ]'],
    ['["node" "server.js"]', 'a comma is missing between elements'],
    ['["python", "manage.py", "migrate" && "python", "manage.py", "runserver"]', '`&&` outside the quoted strings'],
    ['["node", server.js]', 'an element that is not a quoted string: `server.js`'],
    ['["node"] ["x"]', 'text after the closing ]: `["x"]`'],
    ['["a"]]', 'text after the closing ]: `]`'],
    ['["a", , "b"]', 'an empty element between commas'],
    ['["C:\\app\\x.exe"]', '\\a is not a JSON escape (in a JSON string a backslash starts an escape: write \\\\ for one)'],
    ['["\\u12"]', '\\u not followed by four hex digits'],
    ['["a\tb"]', 'a tab or line break inside a string'],
    ['["never ends]', 'a string that never ends'],
    ['["a"] # a comment', 'text after the closing ]: `#`'],
  ])('%s is not JSON: Docker runs it as a shell command (%s)', (text, why) => {
    expect(readExecForm(text)).toEqual({ kind: 'not-json', why });
  });

  test('an array holding anything but strings makes Docker refuse the file', () => {
    expect(readExecForm('["sleep", 5]')).toEqual({ kind: 'not-strings', element: '5' });
    expect(readExecForm('["a", null]')).toEqual({ kind: 'not-strings', element: 'null' });
    expect(readExecForm('["a", ["b"]]')).toEqual({ kind: 'not-strings', element: '["b"]' });
    expect(readExecForm('[true]')).toEqual({ kind: 'not-strings', element: 'true' });
  });

  test('a number out of float64 range fails the JSON decoding itself: shell form', () => {
    expect(readExecForm('["a", 1e999]')).toEqual({ kind: 'not-json', why: 'a number too large for JSON decoding' });
  });

  test('whyNotJson agrees with JSON.parse on every not-JSON case above', () => {
    for (const t of ["['a']", '["a",]', '["a"', '["a" "b"]', '["a"]]', '["\\a"]']) {
      expect(() => JSON.parse(t)).toThrow();
      expect(whyNotJson(t)).not.toBe('not a JSON array of strings');
    }
  });
});

describe('dockerArgs and splitDockerFlags: the text Docker hands to the JSON decoder', () => {
  test('continuations joined without a line break, comment and empty lines inside dropped', () => {
    expect(dockerArgs(' ["a", \\\n  "b"]', '\\')).toBe('["a",   "b"]');
    expect(dockerArgs(' ["a", \\\n# note\n\n  "b"]', '\\')).toBe('["a",   "b"]');
    expect(dockerArgs(' ["a", \\  \r\n "b"]', '\\')).toBe('["a",  "b"]');
  });

  test('the escape directive decides the continuation character, not the JSON escapes', () => {
    // With `# escape=\``, a trailing backslash is text, and a backtick continues the line.
    expect(dockerArgs(' ["C:\\\\app\\\\x.exe", `\n "-v"]', '`')).toBe('["C:\\\\app\\\\x.exe",  "-v"]');
    expect(readExecForm(dockerArgs(' ["C:\\\\app\\\\x.exe", `\n "-v"]', '`'))).toEqual({ kind: 'exec', argv: ['C:\\app\\x.exe', '-v'] });
    expect(readExecForm(dockerArgs(' ["C:\\app\\x.exe"]', '`')).kind).toBe('not-json');
    expect(dockerArgs(' ["a\\\\"]', '`')).toBe('["a\\\\"]');
  });

  test('leading --flags are not part of the command', () => {
    expect(splitDockerFlags('--mount=type=cache,target=/root/.cache ["pip", "install"]', '\\')).toEqual({
      flags: ['--mount=type=cache,target=/root/.cache'], rest: '["pip", "install"]',
    });
    expect(splitDockerFlags('--network="no ne" ["a" "b"]', '\\')).toEqual({ flags: ['--network=no ne'], rest: '["a" "b"]' });
    expect(splitDockerFlags('-- ["a"]', '\\')).toEqual({ flags: [], rest: '["a"]' });
    expect(splitDockerFlags('["a"]', '\\')).toEqual({ flags: [], rest: '["a"]' });
  });
});

describe('isShellTest: a leading [ the author meant for the shell', () => {
  test.each([
    ['[ -f /tmp/healthy ]', true],
    ['[ "$(uname -m)" = "x86_64" ] && echo ok', true],
    ['[[ -d /app ]] || exit 1', true],
    ['[ "a", "b", ]', false],
    ["[ 'a', 'b' ]", false],
    ['["a" "b"]', false],
    ['[ -f x', false],
  ])('%s → %s', (text, expected) => {
    expect(isShellTest(text, '\\')).toBe(expected);
  });
});

describe('shellQuote', () => {
  test.each([
    ['plain/word-1.0'],
    ['["python", "manage.py", "x" && "y"]'],
    ["['node', 'server.js']"],
    ["it's $HOME and \"quotes\" and `ticks` \\ !"],
    [''],
  ])('sh reads %j back exactly', (word) => {
    const out = execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(out).toBe(word);
  });

  test('single-quoted JSON look-alikes are shown in double quotes', () => {
    expect(shellQuote("['node', 'server.js']")).toBe(`"['node', 'server.js']"`);
  });
});

function problemOf(text: string) {
  return execFormProblem(parseDockerfile(text));
}

describe('execFormProblem: the file-level decision', () => {
  test('CMD that is not JSON: the message says what Docker runs', () => {
    const m = problemOf('FROM python:3.11\nWORKDIR /code\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "manage.py", "migrate" && "python", "manage.py", "runserver"]\n');
    expect(m).toEqual({
      id: 'skip/not-json-exec-form', severity: 'warning', line: 5,
      text: 'line 5: CMD is not valid JSON (`&&` outside the quoted strings), so Docker runs it as a shell command: '
        + `/bin/sh -c '["python", "manage.py", "migrate" && "python", "manage.py", "runserver"]'; `
        + 'write it as a JSON array or as a shell command, then run stageify again',
    });
  });

  test('single quotes: Docker runs /bin/sh -c "[\'node\', \'server.js\']"', () => {
    expect(problemOf("FROM node:20\nCMD ['node', 'server.js']\n")?.text)
      .toContain(`so Docker runs it as a shell command: /bin/sh -c "['node', 'server.js']";`);
  });

  test('each command instruction is checked: ENTRYPOINT, RUN (after its flags), HEALTHCHECK CMD', () => {
    expect(problemOf('FROM node:20\nENTRYPOINT ["node" "server.js"]\n')).toMatchObject({ id: 'skip/not-json-exec-form', line: 2 });
    expect(problemOf('FROM node:20\nRUN --mount=type=cache,target=/root/.npm ["npm" "ci"]\nCMD ["node", "s.js"]\n'))
      .toMatchObject({ id: 'skip/not-json-exec-form', line: 2, text: expect.stringContaining(`RUN is not valid JSON (a comma is missing between elements), so Docker runs it as a shell command: /bin/sh -c '["npm" "ci"]'`) });
    expect(problemOf("FROM node:20\nHEALTHCHECK --interval=5s CMD ['curl', '-f', 'http://localhost/']\nCMD [\"node\", \"s.js\"]\n"))
      .toMatchObject({ id: 'skip/not-json-exec-form', line: 2, text: expect.stringContaining('HEALTHCHECK CMD is not valid JSON') });
  });

  test('a continued instruction is reported on its first line, with the joined text Docker runs', () => {
    const m = problemOf('FROM node:20\nCMD ["node", \\\n    # the entry point\n    "server.js",]\n');
    expect(m).toMatchObject({ line: 2, text: expect.stringContaining(`/bin/sh -c '["node",     "server.js",]'`) });
  });

  test('the shell Docker uses is the one SHELL set', () => {
    expect(problemOf('FROM node:20\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["node" "s.js"]\n')?.text)
      .toContain(`Docker runs it as a shell command: /bin/bash -o pipefail -c '["node" "s.js"]';`);
  });

  test('the escape directive: a Windows path with single backslashes is not JSON', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nENTRYPOINT ["C:\\app\\tool.exe"]\n';
    expect(problemOf(text)).toMatchObject({ id: 'skip/not-json-exec-form', line: 3, text: expect.stringContaining('\\a is not a JSON escape') });
    expect(problemOf(text.replace('C:\\app\\tool.exe', 'C:\\\\app\\\\tool.exe'))).toBeNull();
  });

  test('SHELL that is not a JSON array, and arrays of non-strings, are refused by Docker', () => {
    expect(problemOf('FROM node:20\nSHELL /bin/bash -c\nCMD ["node", "s.js"]\n')).toMatchObject({
      id: 'skip/exec-form-refused', severity: 'warning', line: 2,
      text: 'line 2: SHELL is not a JSON array, so Docker refuses to build this file; write SHELL as a JSON array of strings, e.g. ["/bin/bash", "-c"], then run stageify again',
    });
    expect(problemOf('FROM node:20\nSHELL ["/bin/bash" "-c"]\n')).toMatchObject({ id: 'skip/exec-form-refused', text: expect.stringContaining('SHELL is not valid JSON (a comma is missing between elements)') });
    expect(problemOf('FROM node:20\nSHELL []\n')).toMatchObject({ id: 'skip/exec-form-refused', text: expect.stringContaining('SHELL is an empty array') });
    expect(problemOf('FROM node:20\nCMD ["sleep", 5]\n')).toMatchObject({
      id: 'skip/exec-form-refused', line: 2,
      text: 'line 2: CMD is a JSON array holding 5, not a string, so Docker refuses to build this file; quote every element, then run stageify again',
    });
  });

  test('well-formed files, shell tests and heredoc bodies raise nothing', () => {
    expect(problemOf('FROM node:20\nSHELL ["/bin/sh", "-c"]\nRUN [ -d /app ] || mkdir /app\nHEALTHCHECK CMD [ -f /tmp/healthy ]\nCMD ["node", "s.js"]\n')).toBeNull();
    expect(problemOf('FROM node:20\nRUN <<EOF\n["not" "json"]\nEOF\nCMD node s.js\n')).toBeNull();
    expect(problemOf('FROM node:20\nHEALTHCHECK NONE\nCMD [ "node", "s.js" ]\n')).toBeNull();
  });

  test('a CMD shaped like a shell test but ending in ] still reads as a broken array: left alone', () => {
    expect(problemOf('FROM node:20\nCMD [ "node" "s.js" ]\n')).toMatchObject({ id: 'skip/not-json-exec-form' });
    expect(problemOf('FROM node:20\nRUN [ "node" "s.js" ]\n')).toBeNull();
  });
});

describe('commandText', () => {
  test('HEALTHCHECK: the command after its flags and CMD; NONE has none', () => {
    const f = parseDockerfile('FROM node:20\nHEALTHCHECK --interval=30s --timeout=3s cmd ["curl", "-f", "x"]\nHEALTHCHECK NONE\n');
    const [hc, none] = f.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(commandText(hc, '\\')).toEqual({ keyword: 'HEALTHCHECK CMD', text: '["curl", "-f", "x"]' });
    expect(commandText(none, '\\')).toEqual({ keyword: 'HEALTHCHECK', text: null });
  });
});
