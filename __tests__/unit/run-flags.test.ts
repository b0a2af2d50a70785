import { splitRunFlags } from '../../transforms/shared/replay';

describe('splitRunFlags', () => {
  test('no flags: the text comes back whole', () => {
    expect(splitRunFlags('go build -o /app .', '\\')).toEqual({ flags: [], rest: 'go build -o /app .' });
    // A flag later in the command is the command's own.
    expect(splitRunFlags('apt-get install -y --no-install-recommends gcc', '\\').flags).toEqual([]);
  });

  test('leading flags, one line', () => {
    expect(splitRunFlags('--mount=type=cache,target=/root/.cache --network=none go build .', '\\'))
      .toEqual({ flags: ['--mount=type=cache,target=/root/.cache', '--network=none'], rest: ' go build .' });
    expect(splitRunFlags('  --network=none true', '\\')).toEqual({ flags: ['--network=none'], rest: ' true' });
  });

  test('flags on continuation lines and after comment lines', () => {
    const text = '\\\n  --mount=type=cache,target=/go/pkg \\\n# a comment\n  --network=none \\\n  go build .';
    const r = splitRunFlags(text, '\\');
    expect(r.flags).toEqual(['--mount=type=cache,target=/go/pkg', '--network=none']);
    expect(r.rest).toBe(' \\\n  go build .');
  });

  test('the backtick escape continues lines instead of the backslash', () => {
    expect(splitRunFlags('`\r\n  --network=none `\r\n  go build .', '`'))
      .toEqual({ flags: ['--network=none'], rest: ' `\r\n  go build .' });
    // With backtick as escape, a backslash does not continue the line: no flag after it.
    expect(splitRunFlags('\\\n  --network=none go', '`').flags).toEqual([]);
  });

  test('a command on its first line is not a flag, whatever follows', () => {
    expect(splitRunFlags('echo hi \\\n  --network=none', '\\').flags).toEqual([]);
  });
});
