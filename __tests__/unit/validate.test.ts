import { validateRewrite } from '../../src/validate';

describe('validateRewrite', () => {
  test('a good two-stage file passes', () => {
    expect(validateRewrite('FROM golang:1.22 AS builder\nRUN true\n\nFROM scratch\nCOPY --from=builder /app /app\nCMD ["/app"]\n')).toEqual([]);
  });

  test('ARGs before FROM are allowed', () => {
    expect(validateRewrite('ARG V=1\nFROM golang:${V} AS b\nFROM scratch\nCOPY --from=b /a /a\n')).toEqual([]);
  });

  test('stage references: by name (any case) and by earlier index', () => {
    expect(validateRewrite('FROM a AS Build\nFROM b\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n')).toEqual([]);
    expect(validateRewrite('FROM a AS x\nFROM b\nCOPY --from=1 /a /a\n')).toEqual(['COPY --from=1 on line 3 names no earlier stage']);
  });

  test('--from found among several flags', () => {
    expect(validateRewrite('FROM a AS x\nFROM b\nCOPY --chown=1:1 --from=y /a /a\n')).toEqual(['COPY --from=y on line 3 names no earlier stage']);
  });

  test('unknown stage and missing final line break', () => {
    expect(validateRewrite('FROM golang:1.22 AS b\nFROM scratch\nCOPY --from=builder /app /app\nCMD ["/app"]')).toEqual([
      'COPY --from=builder on line 3 names no earlier stage',
      'the result does not end with a line break',
    ]);
  });

  test('single stage is not a rewrite', () => {
    expect(validateRewrite('FROM golang:1.22\nCMD ["/app"]\n')).toEqual(['the result is not multi-stage']);
  });

  test('duplicate stage names (case-insensitive) and broken exec-form JSON', () => {
    expect(validateRewrite('FROM a AS x\nFROM b AS X\nCMD ["/a",]\n')).toEqual(['stage name X is used twice', 'CMD on line 3 is not valid JSON']);
  });

  test('instruction before FROM, leftover go-wrapper', () => {
    expect(validateRewrite('RUN x\nFROM a AS x\nFROM b\nCMD go-wrapper run\n')).toEqual([
      'the first instruction is not FROM or ARG',
      'an instruction other than ARG comes before FROM',
      'go-wrapper is still used on line 4',
    ]);
  });

  test('go-wrapper in a LABEL is only text', () => {
    expect(validateRewrite('FROM a AS x\nFROM b\nLABEL note="was go-wrapper"\n')).toEqual([]);
  });

  test('unknown instruction', () => {
    expect(validateRewrite('FROM a AS x\nFROM b\nBOGUS x\n')).toEqual(['unknown instruction BOGUS on line 3']);
  });
});

describe('validateRewrite: continuation lines', () => {
  test('a trailing escape with blanks after it continues the line; one inside a line does not', () => {
    expect(validateRewrite('FROM a AS b\nRUN echo \\ \t\n  BOGUS\nFROM c\nCOPY --from=b /x /x\n')).toEqual([]);
    expect(validateRewrite('FROM a AS b\nRUN echo \\ x\nBOGUS\nFROM c\n')).toEqual(['unknown instruction BOGUS on line 3']);
  });

  test('the escape directive decides which character continues', () => {
    expect(validateRewrite('# escape=`\nFROM a AS b\nRUN echo `\n  BOGUS\nFROM c\n')).toEqual([]);
    expect(validateRewrite('# escape=`\nFROM a AS b\nRUN echo \\\nBOGUS\nFROM c\n')).toEqual(['unknown instruction BOGUS on line 4']);
  });

  test('a line that is only the escape character continues', () => {
    expect(validateRewrite('FROM a AS b\nRUN \\\n\\\n  true\nFROM c\n')).toEqual([]);
  });

  test('heredoc bodies are skipped only where an argument opens one', () => {
    expect(validateRewrite('FROM a AS b\nRUN <<EOF\nBOGUS\nEOF\nFROM c\n')).toEqual([]);
    expect(validateRewrite('FROM a AS b\nRUN echo hi\nBOGUS\nFROM c\n')).toEqual(['unknown instruction BOGUS on line 3']);
  });
});
