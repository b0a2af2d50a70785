import { makeColors } from '../../src/color';
import {
  colorPatch, formatErrorLine, formatGithub, formatJson, formatList, formatMessageLines, formatSummaryLine,
  formatText, renderReport, summarize,
} from '../../src/report';
import { formatMarkdown } from '../../src/report-markdown';
import type { FileResult } from '../../src/types';

const base: Pick<FileResult, 'messages' | 'original' | 'output' | 'encoding' | 'edits'> = {
  messages: [], original: 'FROM a\n', output: 'FROM a\n', encoding: 'utf8', edits: [],
};

const CHANGED: FileResult = {
  ...base, path: 'svc/api/Dockerfile', status: 'changed',
  output: 'FROM golang:1.6.3 AS builder\n\nFROM gcr.io/distroless/static\n',
  original: 'FROM golang:1.6.3-onbuild\n',
  baseBefore: 'golang:1.6.3-onbuild', baseAfter: 'gcr.io/distroless/static',
  messages: [
    { id: 'onbuild/expanded', severity: 'info', text: 'ONBUILD triggers written out', line: 1 },
    { id: 'go/cgo-kept', severity: 'warning', text: 'cgo kept: main.go imports "C"' },
  ],
};
const UNCHANGED: FileResult = { ...base, path: 'a/Dockerfile', status: 'unchanged', messages: [] };
const SKIPPED: FileResult = {
  ...base, path: 'b/Dockerfile', status: 'skipped',
  messages: [{ id: 'skip/multi-stage', severity: 'info', text: 'already multi-stage', line: 3 }],
};
const ERROR: FileResult = {
  ...base, path: 'c/Dockerfile', status: 'error', original: '', output: '',
  messages: [{ id: 'parse/heredoc', severity: 'error', text: 'unterminated heredoc', line: 7 }],
};
const ALL = [CHANGED, UNCHANGED, SKIPPED, ERROR];

describe('summary', () => {
  it('counts each status', () => {
    expect(summarize(ALL)).toEqual({ files: 4, changed: 1, unchanged: 1, skipped: 1, errors: 1 });
  });
  it('prints the one-line summary with plurals', () => {
    expect(formatSummaryLine({ files: 15, changed: 3, unchanged: 12, skipped: 2, errors: 1 }, 84.4))
      .toBe('3 changed, 12 unchanged, 2 skipped, 1 error (15 files in 84 ms)');
    expect(formatSummaryLine({ files: 1, changed: 0, unchanged: 1, skipped: 0, errors: 0 }, 3))
      .toBe('0 changed, 1 unchanged, 0 skipped, 0 errors (1 file in 3 ms)');
  });
  it('colors only non-zero changed and error counts', () => {
    const line = formatSummaryLine(summarize(ALL), 1, makeColors(true));
    expect(line).toContain('\u001b[33m1 changed\u001b[39m');
    expect(line).toContain('\u001b[31m1 error\u001b[39m');
    expect(formatSummaryLine(summarize([UNCHANGED]), 1, makeColors(true))).not.toContain('\u001b');
  });
});

describe('text lines', () => {
  it('names the failed file in one line with its reason and id', () => {
    expect(formatErrorLine(ERROR)).toBe('c/Dockerfile:7: error: unterminated heredoc (parse/heredoc)');
    expect(formatErrorLine({ ...ERROR, messages: [{ id: 'input/not-found', severity: 'error', text: 'no such file' }] }))
      .toBe('c/Dockerfile: error: no such file (input/not-found)');
  });
  it('shows warnings always and infos only with --explain, as `path:line  id  text`', () => {
    expect(formatMessageLines(CHANGED, false)).toEqual(['svc/api/Dockerfile  go/cgo-kept  cgo kept: main.go imports "C"']);
    expect(formatMessageLines(CHANGED, true)).toEqual([
      'svc/api/Dockerfile:1  onbuild/expanded  ONBUILD triggers written out',
      'svc/api/Dockerfile  go/cgo-kept  cgo kept: main.go imports "C"',
    ]);
    expect(formatMessageLines(ERROR, true)).toEqual([]);
  });
  it('prints the diffs of changed files only', () => {
    const text = formatText(ALL);
    expect(text.startsWith('--- a/svc/api/Dockerfile\n+++ b/svc/api/Dockerfile\n@@')).toBe(true);
    expect(text).not.toContain('a/Dockerfile\n');
    expect(text).not.toContain('\u001b');
  });
  it('colors a patch line by line only when asked', () => {
    const patch = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n c\n';
    expect(colorPatch(patch, makeColors(false))).toBe(patch);
    expect(colorPatch(patch, makeColors(true)).split('\n')).toEqual([
      '\u001b[1m--- a/x\u001b[22m', '\u001b[1m+++ b/x\u001b[22m', '\u001b[36m@@ -1 +1 @@\u001b[39m',
      '\u001b[31m-a\u001b[39m', '\u001b[32m+b\u001b[39m', ' c', '',
    ]);
  });
  it('lists the changed paths for -l', () => {
    expect(formatList(ALL)).toBe('svc/api/Dockerfile\n');
    expect(formatList([UNCHANGED])).toBe('');
  });
});

describe('json', () => {
  it('has the documented shape, in input order, with null for unknowns', () => {
    expect(JSON.parse(formatJson(ALL))).toEqual({
      summary: { files: 4, changed: 1, unchanged: 1, skipped: 1, errors: 1 },
      files: [
        {
          path: 'svc/api/Dockerfile', status: 'changed', baseBefore: 'golang:1.6.3-onbuild', baseAfter: 'gcr.io/distroless/static', context: null,
          messages: [
            { id: 'onbuild/expanded', severity: 'info', text: 'ONBUILD triggers written out', line: 1 },
            { id: 'go/cgo-kept', severity: 'warning', text: 'cgo kept: main.go imports "C"', line: null },
          ],
        },
        { path: 'a/Dockerfile', status: 'unchanged', messages: [], baseBefore: null, baseAfter: null, context: null },
        { path: 'b/Dockerfile', status: 'skipped', messages: [{ id: 'skip/multi-stage', severity: 'info', text: 'already multi-stage', line: 3 }], baseBefore: null, baseAfter: null, context: null },
        { path: 'c/Dockerfile', status: 'error', messages: [{ id: 'parse/heredoc', severity: 'error', text: 'unterminated heredoc', line: 7 }], baseBefore: null, baseAfter: null, context: null },
      ],
    });
  });
  it('is byte-for-byte deterministic, uncolored and newline-terminated', () => {
    const out = renderReport('json', ALL, { explain: false, colors: makeColors(true) });
    expect(out).toBe(formatJson(ALL));
    expect(out).not.toContain('\u001b');
    expect(out.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(out).files[0])).toEqual(['path', 'status', 'messages', 'baseBefore', 'baseAfter', 'context']);
  });
});

describe('github annotations', () => {
  it('annotates changed files, warnings and errors, and infos only with --explain', () => {
    expect(formatGithub(ALL).split('\n')).toEqual([
      '::notice file=svc/api/Dockerfile,title=stageify::can be rewritten as a multi-stage build (golang:1.6.3-onbuild -> gcr.io/distroless/static)',
      '::warning file=svc/api/Dockerfile,title=go/cgo-kept::cgo kept: main.go imports "C"',
      '::error file=c/Dockerfile,line=7,title=parse/heredoc::unterminated heredoc',
      '',
    ]);
    expect(formatGithub(ALL, true)).toContain('::notice file=b/Dockerfile,line=3,title=skip/multi-stage::already multi-stage\n');
  });
  it('escapes data and property values', () => {
    const r: FileResult = { ...UNCHANGED, path: 'a,b:c/Dockerfile', messages: [{ id: 'x/y', severity: 'warning', text: '50% done\nnext' }] };
    expect(formatGithub([r])).toBe('::warning file=a%2Cb%3Ac/Dockerfile,title=x/y::50%25 done%0Anext\n');
  });
});

describe('markdown', () => {
  const md = formatMarkdown(ALL);
  it('starts with a summary table', () => {
    expect(md).toContain('| Files | Changed | Unchanged | Skipped | Errors |\n|---:|---:|---:|---:|---:|\n| 4 | 1 | 1 | 1 | 1 |\n');
  });
  it('has one row per file with base before → after', () => {
    expect(md).toContain('| `svc/api/Dockerfile` | changed | `golang:1.6.3-onbuild` → `gcr.io/distroless/static` |');
    expect(md).toContain('| `a/Dockerfile` | unchanged |  |');
  });
  it('gives the reasons and the diff per file', () => {
    expect(md).toContain('### `svc/api/Dockerfile` — changed');
    expect(md).toContain('- **warning** `go/cgo-kept`: cgo kept: main.go imports "C"');
    expect(md).toContain('- **error** `parse/heredoc` (line 7): unterminated heredoc');
    expect(md).toContain('<details><summary>Diff</summary>\n\n```diff\n--- a/svc/api/Dockerfile\n');
    expect(md).not.toContain('### `a/Dockerfile`');
  });
  it('escapes pipes in cells and lengthens fences around backticks', () => {
    const r: FileResult = { ...CHANGED, path: 'x|y/Dockerfile', output: 'FROM b\nRUN echo ```\n' };
    const out = formatMarkdown([r]);
    expect(out).toContain('| `x\\|y/Dockerfile` |');
    expect(out).toContain('````diff\n');
  });
  it('is what --format markdown renders', () => {
    expect(renderReport('markdown', ALL, { explain: false, colors: makeColors(true) })).toBe(md);
  });
});
