// A Dockerfile parsed on the batch reader thread reaches the planner as a ParseSummary (plain data,
// structured-cloned across threads). Built from it, the ParsedDockerfile and every plan must be the
// same as when the planner parses the text itself.
import * as fs from 'fs';
import * as path from 'path';
import { flagValue, initialArgValues, instrProperties, parseDockerfile, summarizeDockerfile } from '../../src/dockerfile';
import type { ParsedDockerfile } from '../../src/dockerfile';
import { planFile } from '../../src';
import { FIXTURES } from '../helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');

/** Every Dockerfile the project has: fixture inputs and outputs, examples, e2e apps. */
function dockerfiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); }
      else if (e.isFile() && /(^|\.)Dockerfile(\.|$)|^Containerfile$/.test(e.name)) out.push(p);
    }
  };
  walk(FIXTURES);
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'e2e'));
  return out.sort();
}

const TRICKY: Record<string, string> = {
  'escape directive, CRLF, ARG before FROM': '# escape=`\r\nARG GO=1.22\r\nFROM --platform=$BUILDPLATFORM golang:${GO} AS build\r\nRUN echo `\r\n  hi\r\nENV A=1 B="two words" C\r\n',
  'BOM and a comment inside a continuation': '\uFEFFFROM golang:1.22\nRUN echo a \\\n# inner\n  b\n# own line\nCMD ["/x"]\n',
  'lower case, LABEL and flags': 'from golang:1.22 as b\nlabel a=b "c d"=e\ncopy --from=b --chown=1:1 --from=c /a /b\nadd --chmod=644 x y\n',
  'no FROM': 'RUN true\n',
  'FROM without an image': 'FROM\nFROM a AS\nFROM --platform=x\n',
  'unknown instruction and a heredoc': 'FROM a\nBOGUS x\nRUN <<EOF\nline\nEOF\n',
  'comments only': '# one\n\n# two\n',
  'empty': '',
  'no final line break': 'FROM golang:1.22\nCMD ["/a"]',
  'lone CR line endings': 'FROM a\rRUN x\rENV K=v\r',
  'ARG without default and with an expansion': 'ARG A\nARG B=${A:-x}/y\nFROM img:${B}\nARG C\n',
};

function imageRange(file: ParsedDockerfile, node: unknown): { start: number; end: number } | null {
  const r = (node as { getImageRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }).getImageRange();
  return r && { start: file.starts[r.start.line] + r.start.character, end: file.starts[r.end.line] + r.end.character };
}

/** Everything of a ParsedDockerfile but the parser's nodes, and what is read from the nodes. */
function view(file: ParsedDockerfile) {
  return {
    text: file.text,
    eol: file.eol,
    escape: file.escape,
    starts: file.starts,
    lowerCase: file.lowerCase,
    instructions: file.instructions.map((i) => ({
      keyword: i.keyword, keywordRaw: i.keywordRaw, start: i.start, end: i.end, lineStart: i.lineStart, lineEnd: i.lineEnd,
      argsText: i.argsText, argsStart: i.argsStart, line: i.line,
      properties: ['ENV', 'ARG', 'LABEL'].includes(i.keyword) ? instrProperties(i) : null,
      flags: ['FROM', 'COPY', 'ADD'].includes(i.keyword) ? ['platform', 'from', 'chown', 'chmod'].map((f) => flagValue(i, f)) : null,
    })),
    initialArgs: file.initialArgs.map((i) => file.instructions.indexOf(i)),
    initialArgValues: [...initialArgValues(file)],
    stages: file.stages.map((s) => ({
      index: s.index, from: file.instructions.indexOf(s.from), body: s.body.map((i) => file.instructions.indexOf(i)),
      name: s.name, image: s.image, imageSpan: s.imageSpan,
      // What the parser itself says of the image's place.
      parserImageSpan: imageRange(file, s.from.node),
    })),
    comments: file.comments,
    unknownKeywords: file.unknownKeywords.map((i) => file.instructions.indexOf(i)),
  };
}

describe('parse summary', () => {
  const files = dockerfiles();

  test('the project has Dockerfiles to compare', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test('every Dockerfile of the project gives the same parse from a summary as from the parser', () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const own = view(parseDockerfile(text));
      const sent = view(parseDockerfile(text, structuredClone(summarizeDockerfile(text))));
      expect({ file: path.relative(ROOT, f), ...sent }).toEqual({ file: path.relative(ROOT, f), ...own });
      for (const st of sent.stages) expect(st.imageSpan).toEqual(st.parserImageSpan);
    }
  });

  test.each(Object.entries(TRICKY))('%s', (_name, text) => {
    expect(view(parseDockerfile(text, structuredClone(summarizeDockerfile(text))))).toEqual(view(parseDockerfile(text)));
  });

  test('parser nodes are still there when asked for (parsed here, once)', () => {
    const text = TRICKY['lower case, LABEL and flags'];
    const file = parseDockerfile(text, structuredClone(summarizeDockerfile(text)));
    const nodes = file.instructions.map((i) => i.node);
    expect(nodes.map((n) => n.getKeyword())).toEqual(['FROM', 'LABEL', 'COPY', 'ADD']);
    expect(file.instructions[2].node).toBe(nodes[2]);
    // COPY flags are not in the summary: read from the node on first use.
    expect(flagValue(file.instructions[2], 'from')).toBe('b');
    expect(flagValue(file.instructions[2], 'chown')).toBe('1:1');
  });

  test('a summary is plain data: it survives a structured clone unchanged', () => {
    const s = summarizeDockerfile(TRICKY['escape directive, CRLF, ARG before FROM']);
    expect(structuredClone(s)).toEqual(s);
    expect(s.escape).toBe('`');
    expect(s.froms).toEqual([{ image: 'golang:${GO}', name: 'build', flags: [['platform', '$BUILDPLATFORM']], imageSpan: expect.any(Object) }]);
  });

  test('every fixture plans the same when its Dockerfile comes parsed from the reader thread', () => {
    const inputs = files.filter((f) => f.startsWith(FIXTURES) && f.endsWith('.input.Dockerfile'));
    expect(inputs.length).toBeGreaterThan(100);
    for (const f of inputs) {
      const context = f.replace(/\.input\.Dockerfile$/, '.context');
      const options = fs.existsSync(context) ? { context } : {};
      const text = fs.readFileSync(f, 'utf8');
      const st = fs.statSync(f);
      const dockerfile = { text, encoding: 'utf8' as const, mtimeMs: st.mtimeMs, size: st.size, mode: st.mode };
      const own = planFile(f, { ...options, ahead: { dockerfile, context: [] } });
      const sent = planFile(f, { ...options, ahead: { dockerfile: { ...dockerfile, parsed: structuredClone(summarizeDockerfile(text)) }, context: [] } });
      expect(sent).toEqual(own);
    }
  });
});
