'use strict';
// Generators and properties shared by the jest property tests (__tests__/property/) and the
// stand-alone fuzzer (scripts/fuzz.js). Plain CommonJS so both can load it: the caller passes the
// stageify modules (the TypeScript sources under jest, the built dist/ under node) and fast-check.
//
// api = { transformDockerfile, validateRewrite, applyEdits, validate (dockerfile-utils), DockerfileParser }

const fs = require('fs');
const path = require('path');

const KNOWN = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Builds the generators on the given fast-check module. */
function arbitraries(fc) {
  const commentChars = fc.constantFrom('a', 'z', ' ', '#', '\\', '`', '$', '{', '}', '"', "'", 'é', 'ü', '€', '😀', '\t', '=', ':', '-', '<');
  const commentText = fc.string({ unit: commentChars, maxLength: 20 });
  const comment = commentText.map((t) => `#${t}`);
  const trailingWs = fc.constantFrom('', '', '', '', ' ', '\t', '  ');

  const goTag = fc.constantFrom(
    '1.22', '1.21-alpine', '1.22-bookworm', '1.20-bullseye', '1.22-alpine3.19', 'latest', null, '1.11', '1.16',
    '1.6.3-onbuild', '1.8-onbuild', 'onbuild', '1.22@sha256:' + 'a'.repeat(64),
  );
  const goRepo = fc.constantFrom('golang', 'golang', 'golang', 'library/golang', 'docker.io/library/golang', 'mirror.gcr.io/library/golang');
  const otherBase = fc.constantFrom(
    'node:20', 'alpine:3.19', 'alpine', 'python:3.12-slim', 'ubuntu:22.04', 'scratch', 'gcr.io/distroless/static',
    'node:8-onbuild', 'rust:1.77', 'debian:bookworm',
  );
  const stageName = fc.constantFrom(null, null, null, 'build', 'builder', 'Builder', 'app');

  // One instruction = an array of physical lines (the last one without its line ending).
  const workdir = fc.constantFrom('/src', '/app', '/go/src/app', '/src/app', 'sub', '/opt/my app');
  const copySrc = fc.constantFrom('.', 'main.go', 'templates', 'cmd', '*.go');
  const copyFlags = fc.constantFrom('', '', '--chown=1000:1000 ', '--chmod=0755 ', '--link ', '--chown=app --chmod=644 ');
  const envLine = fc.constantFrom(
    'ENV PORT=8080', 'ENV PORT 8080', 'ENV CGO_ENABLED=0', 'ENV CGO_ENABLED=1', 'ENV GOOS=linux GOARCH=amd64',
    'ENV GO111MODULE=off', 'ENV APP_HOME=/app NAME="a b"', 'ENV PATH=/go/bin:$PATH', 'ENV GOFLAGS=-mod=vendor',
  );
  const argLine = fc.constantFrom('ARG VERSION', 'ARG VERSION=1.0', 'ARG TARGETOS', 'ARG BUILD_TAGS="a b"', 'ARG GO_VERSION=1.22');
  const buildOut = fc.constantFrom('/app', '/go/bin/app', 'server', '/usr/local/bin/svc', 'bin/app', '/out/');
  const buildPkg = fc.constantFrom('.', './...', './cmd/app', 'main.go', '');
  const buildFlags = fc.constantFrom('', '-v ', '-ldflags="-s -w" ', '-tags netgo ', '-trimpath ', '-mod=vendor ', '-a -installsuffix cgo ');
  const envPrefix = fc.constantFrom('', '', '', 'CGO_ENABLED=0 ', 'CGO_ENABLED=1 ', 'GOOS=linux ', 'GOOS=linux GOARCH=amd64 ');

  const goBuild = fc.record({ pre: envPrefix, flags: buildFlags, out: buildOut, pkg: buildPkg, noO: fc.boolean() })
    .map(({ pre, flags, out, pkg, noO }) => `${pre}go build ${flags}${noO ? '' : `-o ${out} `}${pkg}`.trimEnd());

  const runSimple = fc.oneof(
    goBuild,
    fc.constantFrom(
      'go mod download', 'go get -d -v ./...', 'go mod download', 'go mod verify', 'apk add --no-cache git',
      'apt-get update && apt-get install -y ca-certificates', 'go vet ./...', 'echo hi > /tmp/x', 'go test ./...',
      'mkdir -p /data && chown 1000 /data', 'useradd -u 1000 app', 'adduser -D app', 'cd cmd/app && go build -o /app .',
      'go build -o /app . && strip /app', 'export CGO_ENABLED=0 && go build -o /app .', 'go generate ./...',
    ),
  );
  // RUN with continuations and comment lines inside, or a heredoc, or exec form.
  const runInstr = fc.oneof(
    { weight: 5, arbitrary: runSimple.map((c) => [`RUN ${c}`]) },
    {
      weight: 3,
      arbitrary: fc.record({
        parts: fc.array(runSimple, { minLength: 2, maxLength: 4 }),
        comments: fc.array(fc.option(comment, { nil: null }), { minLength: 4, maxLength: 4 }),
        indent: fc.constantFrom('    ', '\t', '  ', ''),
        ws: trailingWs,
      }).map(({ parts, comments, indent, ws }) => {
        const lines = [];
        parts.forEach((p, i) => {
          const last = i === parts.length - 1;
          const body = (i === 0 ? `RUN ${p}` : `${indent}${p}`) + (last ? '' : ` && \\`);
          lines.push(body);
          if (!last && comments[i] !== null) lines.push(`${i % 2 ? indent : ''}${comments[i]}`);
        });
        lines[lines.length - 1] += ws;
        return lines;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ body: fc.array(runSimple, { minLength: 1, maxLength: 3 }), delim: fc.constantFrom('EOF', 'EOT', 'SCRIPT'), dash: fc.boolean(), quote: fc.constantFrom('', '"', "'") })
        .map(({ body, delim, dash, quote }) => [`RUN <<${dash ? '-' : ''}${quote}${delim}${quote}`, ...body.map((b) => (dash ? `\t${b}` : b)), delim]),
    },
    { weight: 1, arbitrary: fc.constantFrom('RUN ["go", "build", "-o", "/app", "."]', 'RUN ["/bin/sh", "-c", "go build -o /app ."]').map((l) => [l]) },
    { weight: 1, arbitrary: fc.constantFrom('RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .', 'RUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download').map((l) => l.split('\n')) },
  );

  const cmdLike = fc.oneof(
    fc.constantFrom(
      'CMD ["/app"]', 'CMD ["/go/bin/app"]', 'CMD ["./server"]', 'CMD /app', 'CMD /app -port 8080', 'CMD ["/app", "serve", "--port=8080"]',
      'ENTRYPOINT ["/app"]', 'ENTRYPOINT /app', 'ENTRYPOINT ["/usr/local/bin/svc"]', 'CMD ["app"]', 'CMD ["server"]',
      'CMD ["go", "run", "main.go"]', 'CMD go run .', 'CMD ["/bin/sh", "-c", "/app"]', 'CMD /app && echo done',
      'CMD ["/app","hello world"]', 'CMD exec /app', 'ENTRYPOINT ["/app"]\nCMD ["--help"]', 'CMD ["bin/app"]',
      'CMD [ "/app" ]', 'CMD ["/out/app"]', 'CMD ["/go/bin/app"]\nCMD ["/app"]',
    ).map((s) => s.split('\n')),
    fc.constantFrom('CMD ["/app", \\', 'ENTRYPOINT /app \\').map((first) => [first, first.startsWith('CMD') ? '    "--flag"]' : '    --flag']),
  );

  const misc = fc.constantFrom(
    'LABEL maintainer="me@example.com"', 'LABEL a=b c="d e"', 'EXPOSE 8080', 'EXPOSE 8080/tcp 9090', 'USER 1000', 'USER app',
    'USER nobody:nogroup', 'USER root', 'HEALTHCHECK CMD ["/app", "health"]', 'HEALTHCHECK --interval=30s CMD /app -health || exit 1',
    'HEALTHCHECK NONE', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1', 'VOLUME /data', 'VOLUME ["/data", "/cache"]',
    'STOPSIGNAL SIGTERM', 'MAINTAINER someone', 'SHELL ["/bin/bash", "-c"]', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
    'ONBUILD COPY . /src', 'ONBUILD RUN go build -o /app .', 'WORKDIR $APP_HOME', 'ADD https://example.com/x.tgz /tmp/',
  );

  const instr = fc.oneof(
    { weight: 3, arbitrary: workdir.map((w) => [`WORKDIR ${w}`]) },
    { weight: 3, arbitrary: fc.tuple(copyFlags, copySrc, fc.constantFrom('.', './', '/src/', '/go/src/app', '/app/')).map(([f, s, d]) => [`COPY ${f}${s} ${d}`]) },
    { weight: 1, arbitrary: fc.tuple(copyFlags, fc.constantFrom('go.mod go.sum', '. .', 'go.* ./')).map(([f, s]) => [`COPY ${f}${s} ./`]) },
    { weight: 1, arbitrary: copySrc.map((s) => [`ADD ${s} /src/`]) },
    { weight: 2, arbitrary: envLine.map((l) => [l]) },
    { weight: 1, arbitrary: argLine.map((l) => [l]) },
    { weight: 6, arbitrary: runInstr },
    { weight: 3, arbitrary: misc.map((l) => [l]) },
    { weight: 3, arbitrary: cmdLike },
  );
  const filler = fc.oneof(
    { weight: 3, arbitrary: comment.map((c) => [c]) },
    { weight: 3, arbitrary: fc.constantFrom([''], [''], ['   '], ['\t']) },
  );

  const fromLine = fc.record({
    image: fc.oneof({ weight: 6, arbitrary: fc.tuple(goRepo, goTag).map(([r, t]) => (t ? `${r}:${t}` : r)) }, { weight: 1, arbitrary: otherBase }),
    name: stageName,
    platform: fc.constantFrom('', '', '', '--platform=linux/amd64 ', '--platform=$BUILDPLATFORM '),
  }).map(({ image, name, platform }) => ({ image, text: `FROM ${platform}${image}${name ? ` AS ${name}` : ''}` }));

  const header = fc.record({
    syntax: fc.constantFrom(null, null, '# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1.4', '#syntax=docker/dockerfile:1'),
    escape: fc.constantFrom(null, null, null, '# escape=`', '# escape=\\', '#escape=`'),
    comments: fc.array(fc.oneof(comment, fc.constant('')), { maxLength: 3 }),
    args: fc.array(fc.constantFrom('ARG GO_VERSION=1.22', 'ARG BASE=golang', 'ARG VARIANT=alpine', 'ARG UNSET'), { maxLength: 2 }),
  });

  const layout = fc.record({
    eol: fc.constantFrom('lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr-mixed'),
    bom: fc.boolean(),
    finalNewline: fc.constantFrom(true, true, true, false),
    lowerCase: fc.constantFrom(false, false, false, true, 'mixed'),
    indent: fc.constantFrom('', '', '', ' ', '\t'),
    trailing: fc.array(trailingWs, { minLength: 64, maxLength: 64 }),
    eolPicks: fc.array(fc.nat(9), { minLength: 64, maxLength: 64 }),
  });

  const context = fc.record({
    cgo: fc.constantFrom(false, false, false, true),
    gomod: fc.constantFrom('module example.com/app\n\ngo 1.22\n', 'module example.com/app\n\ngo 1.22\n\nrequire github.com/mattn/go-sqlite3 v1.14.0\n', null),
    templates: fc.boolean(),
    cmdDir: fc.boolean(),
    none: fc.constantFrom(false, false, false, false, true),
  }).map(({ cgo, gomod, templates, cmdDir, none }) => {
    if (none) return null;
    const files = {
      'main.go': cgo ? 'package main\n\n// #include <stdio.h>\nimport "C"\n\nfunc main() {}\n' : 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n',
    };
    if (gomod !== null) files['go.mod'] = gomod;
    if (templates) { files['templates/index.html'] = '<h1>hi</h1>\n'; files['static/app.css'] = 'body{}\n'; }
    if (cmdDir) files['cmd/app/main.go'] = 'package main\n\nfunc main() {}\n';
    return files;
  });

  const options = fc.record({
    runtime: fc.constantFrom(undefined, undefined, undefined, 'scratch', 'alpine', 'chainguard', 'debian', 'example.com/base:1'),
    user: fc.constantFrom(undefined, undefined, 'root', 'nonroot'),
    builderName: fc.constantFrom(undefined, undefined, undefined, 'build', 'compile'),
  }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));

  /** A Go-shaped Dockerfile (most get rewritten), with layout noise. */
  const goDockerfile = fc.record({
    header, layout, from: fromLine,
    body: fc.array(fc.oneof({ weight: 4, arbitrary: instr }, { weight: 2, arbitrary: filler }), { minLength: 1, maxLength: 12 }),
    core: fc.array(runInstr, { minLength: 0, maxLength: 2 }),
    cmd: fc.option(cmdLike, { nil: null, freq: 8 }),
    // Most files build one binary and start it, so the transform really rewrites them.
    pair: fc.option(fc.record({
      bin: fc.constantFrom('/app', '/go/bin/app', '/usr/local/bin/svc', '/srv/my-app', '/out/server'),
      flags: buildFlags, pre: fc.constantFrom('', '', 'CGO_ENABLED=0 ', 'GOOS=linux '),
      exec: fc.constantFrom(true, true, false), args: fc.constantFrom('', '', ' serve', ' -port 8080'),
      entry: fc.boolean(), split: fc.boolean(), comment: fc.option(comment, { nil: null }),
    }), { nil: null, freq: 3 }),
    tail: fc.array(filler, { maxLength: 3 }),
    context, options,
  }).map((g) => assemble(g));

  /** Anything at all: random instruction soup, often not rewritable. */
  const soupDockerfile = fc.record({
    header, layout,
    body: fc.array(fc.oneof({ weight: 6, arbitrary: instr }, { weight: 3, arbitrary: filler }, { weight: 2, arbitrary: fromLine.map((f) => [f.text]) }, { weight: 1, arbitrary: fc.constantFrom(['FROM'], ['BOGUS x'], ['RUN <<EOF', 'x'], ['FROM golang:1.22 AS a'], ['COPY --from=a /x /x'], ['RUN cat << EOF', 'x', 'EOF'], ['RUN \\', '# c \\', 'echo']) }), { maxLength: 14 }),
    context, options,
  }).map((g) => assemble({ ...g, from: null, core: [], cmd: null, tail: [] }));

  return { goDockerfile, soupDockerfile, context, options, commentText };
}

function lowerKeyword(line, mode, i) {
  if (!mode) return line;
  const m = /^(\s*)([A-Za-z]+)(\s|$)/.exec(line);
  if (!m || !KNOWN.has(m[2].toUpperCase())) return line;
  if (mode === 'mixed' && i % 2) return line;
  let rest = line.slice(m[0].length - m[3].length);
  // `AS` in FROM follows the keyword case.
  if (m[2].toUpperCase() === 'FROM') rest = rest.replace(/ AS /, ' as ');
  return m[1] + m[2].toLowerCase() + rest;
}

/** Turns a generated record into { text, contextFiles, options, meta }. */
function assemble(g) {
  const { header, layout } = g;
  const backtick = header.escape !== null && header.escape.endsWith('`');
  const blocks = [];
  // Directives must be the very first lines.
  if (header.escape) blocks.push([header.escape]);
  if (header.syntax) blocks.push([header.syntax]);
  for (const c of header.comments) blocks.push([c]);
  for (const a of header.args) blocks.push([a]);
  let firstFromIndex = -1;
  if (g.from) {
    let fromText = g.from.text;
    if (header.args.includes('ARG GO_VERSION=1.22') && /^FROM (golang):1\.22( |$)/.test(fromText)) fromText = fromText.replace('golang:1.22', 'golang:${GO_VERSION}');
    firstFromIndex = blocks.length;
    blocks.push([fromText]);
  }
  blocks.push(...g.body, ...g.core);
  if (g.pair) {
    const p = g.pair;
    const build = `RUN ${p.pre}go build ${p.flags}-o ${p.bin} .`;
    blocks.push(p.split ? [`RUN go mod download && \\`, ...(p.comment ? [p.comment] : []), `    ${p.pre}go build ${p.flags}\\`, `      -o ${p.bin} .`] : [build]);
    const kwd = p.entry ? 'ENTRYPOINT' : 'CMD';
    const args = p.args.trim() ? p.args.trim().split(' ') : [];
    blocks.push([p.exec ? `${kwd} ${JSON.stringify([p.bin, ...args]).replace(/","/g, '", "')}` : `${kwd} ${p.bin}${p.args}`]);
  } else if (g.cmd) blocks.push(g.cmd);
  blocks.push(...g.tail);

  const lines = [];
  let n = 0;
  blocks.forEach((b) => {
    b.forEach((l, j) => {
      let line = j === 0 ? lowerKeyword(l, layout.lowerCase, n) : l;
      if (backtick && /\\$/.test(line)) line = line.replace(/\\$/, '`');
      // Indentation only on instruction lines that are not directives.
      if (j === 0 && layout.indent && /^[A-Za-z]/.test(line) && lines.length > 0 && n !== firstFromIndex) line = layout.indent + line;
      // Trailing blanks, but not after a continuation escape (that would end the continuation).
      if (!/[\\`]$/.test(line) && !/^#\s*(escape|syntax)=/.test(line) && !(b.length > 1 && j === b.length - 1 && /^[A-Z]+$/.test(line))) line += layout.trailing[lines.length % 64];
      lines.push(line);
    });
    n++;
  });
  const eolFor = (i) => {
    switch (layout.eol) {
      case 'lf': return '\n';
      case 'crlf': return '\r\n';
      case 'mixed': return layout.eolPicks[i % 64] < 5 ? '\n' : '\r\n';
      default: return layout.eolPicks[i % 64] < 8 ? '\n' : '\r';
    }
  };
  let text = layout.bom ? '\uFEFF' : '';
  lines.forEach((l, i) => {
    text += l;
    if (i < lines.length - 1 || layout.finalNewline) text += eolFor(i);
  });
  return { text, contextFiles: g.context ?? undefined, options: g.options ?? {}, meta: { eol: layout.eol, bom: layout.bom, lowerCase: layout.lowerCase, backtick } };
}

// ---------------------------------------------------------------------------------------------
// Mutations of the fixture inputs
// ---------------------------------------------------------------------------------------------

/** Reads the Go fixture inputs and their context folders (as in-memory contexts). */
function loadFixtures(root) {
  const dir = path.join(root, '__tests__', '__testfixtures__', 'go');
  const out = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.input.Dockerfile')).sort()) {
    const name = f.slice(0, -'.input.Dockerfile'.length);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const ctxDir = path.join(dir, `${name}.context`);
    let contextFiles;
    if (fs.existsSync(ctxDir)) {
      contextFiles = {};
      const walk = (d, rel) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) walk(path.join(d, e.name), r);
          else if (e.isFile()) contextFiles[r] = fs.readFileSync(path.join(d, e.name), 'utf8');
        }
      };
      walk(ctxDir, '');
    }
    const optFile = path.join(dir, `${name}.options.json`);
    const options = fs.existsSync(optFile) ? JSON.parse(fs.readFileSync(optFile, 'utf8')) : {};
    out.push({ name, text, contextFiles, options });
  }
  return out;
}

function splitLinesKeep(text) {
  // [content, eol] pairs; eol '' for the last line without one.
  const out = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '' && m.index >= text.length) break;
    out.push([m[1], m[2]]);
    if (m[2] === '') break;
  }
  return out;
}

function mutationArb(fc, fixtures, commentText) {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('delete'), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate'), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap'), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('flipCase'), at: fc.nat(), whole: fc.boolean() }),
    fc.record({ kind: fc.constant('comment'), at: fc.nat(), text: commentText, indent: fc.constantFrom('', '  ', '\t') }),
    fc.record({ kind: fc.constant('blank'), at: fc.nat() }),
    fc.record({ kind: fc.constant('trailing'), at: fc.nat(), ws: fc.constantFrom(' ', '\t', '  ') }),
    fc.record({ kind: fc.constant('crlf') }),
    fc.record({ kind: fc.constant('crlfLine'), at: fc.nat() }),
    fc.record({ kind: fc.constant('bom') }),
    fc.record({ kind: fc.constant('noFinalNewline') }),
    fc.record({ kind: fc.constant('indent'), at: fc.nat(), ws: fc.constantFrom(' ', '    ', '\t') }),
    fc.record({ kind: fc.constant('continuation'), at: fc.nat() }),
  );
  return fc.record({ fixture: fc.nat(fixtures.length - 1), ops: fc.array(op, { minLength: 1, maxLength: 4 }) })
    .map(({ fixture, ops }) => {
      const fx = fixtures[fixture];
      return { name: fx.name, ops, text: mutate(fx.text, ops), contextFiles: fx.contextFiles, options: fx.options };
    });
}

function mutate(text, ops) {
  let bom = text.startsWith('\uFEFF');
  let lines = splitLinesKeep(bom ? text.slice(1) : text);
  for (const o of ops) {
    const n = lines.length;
    if (!n) break;
    const i = o.at === undefined ? 0 : o.at % n;
    const withEol = (l) => [l[0], l[1] || lines.find((x) => x[1])?.[1] || '\n'];
    switch (o.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, withEol(lines[i])); lines[i + 1] = lines[i + 1]; break;
      case 'swap': { const j = o.to % n; const a = lines[i][0]; lines[i] = [lines[j][0], lines[i][1]]; lines[j] = [a, lines[j][1]]; break; }
      case 'flipCase': {
        const [c, e] = lines[i];
        lines[i] = [o.whole ? flip(c) : c.replace(/^(\s*)([A-Za-z]+)/, (_m, s, k) => s + flip(k)), e];
        break;
      }
      case 'comment': lines.splice(i, 0, [`${o.indent}#${o.text}`, lines[i][1] || '\n']); break;
      case 'blank': lines.splice(i, 0, ['', lines[i][1] || '\n']); break;
      case 'trailing': if (!/[\\`]$/.test(lines[i][0])) lines[i] = [lines[i][0] + o.ws, lines[i][1]]; break;
      case 'crlf': lines = lines.map(([c, e]) => [c, e ? '\r\n' : '']); break;
      case 'crlfLine': if (lines[i][1]) lines[i] = [lines[i][0], '\r\n']; break;
      case 'bom': bom = true; break;
      case 'noFinalNewline': lines[n - 1] = [lines[n - 1][0], '']; break;
      case 'indent': lines[i] = [o.ws + lines[i][0], lines[i][1]]; break;
      case 'continuation': if (lines[i][1] && !/[\\`]$/.test(lines[i][0]) && /^\s*RUN /i.test(lines[i][0])) {
        const c = lines[i][0];
        const k = c.lastIndexOf(' ');
        if (k > 4) lines.splice(i, 1, [c.slice(0, k) + ' \\', lines[i][1]], ['    ' + c.slice(k + 1), lines[i][1]]);
      } break;
      default: break;
    }
  }
  // Only the last line may lack a line ending.
  lines = lines.map(([c, e], k) => [c, e || (k < lines.length - 1 ? '\n' : '')]);
  return (bom ? '\uFEFF' : '') + lines.map(([c, e]) => c + e).join('');
}

function flip(s) {
  return [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

class PropertyFailure extends Error {}

function fail(what, detail) {
  throw new PropertyFailure(detail === undefined ? what : `${what}\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 1)}`);
}

/** Standalone comment lines (`# …`) of a text, as written (no line ending), outside instructions. */
function commentLines(api, text) {
  const ast = api.DockerfileParser.parse(text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r') { if (text[i + 1] === '\n') i++; starts.push(i + 1); } else if (text[i] === '\n') starts.push(i + 1);
  }
  const out = [];
  for (const c of ast.getComments()) {
    const r = c.getRange();
    const s = starts[r.start.line] + r.start.character;
    const e = starts[r.end.line] + r.end.character;
    out.push(text.slice(s, e));
  }
  return out;
}

function lineEndings(text) {
  return { crlf: (text.match(/\r\n/g) || []).length, lf: (text.match(/(^|[^\r])\n/g) || []).length, cr: (text.match(/\r(?!\n)/g) || []).length };
}

/** Offset of the first FROM keyword (the header before it must stay byte-identical). */
function headerEnd(api, text) {
  const ast = api.DockerfileParser.parse(text);
  const from = ast.getInstructions().find((i) => i.getKeyword().toUpperCase() === 'FROM');
  if (!from) return 0;
  const r = from.getRange();
  let line = 0;
  let off = 0;
  while (line < r.start.line) {
    const n = text.slice(off).search(/\r\n|\n|\r/);
    if (n < 0) return text.length;
    off += n + (text.slice(off + n, off + n + 2) === '\r\n' ? 2 : 1);
    line++;
  }
  return off + r.start.character;
}

/** Checks stage references: every COPY --from names an earlier stage (by name or index). */
function checkStageRefs(api, text) {
  const ast = api.DockerfileParser.parse(text);
  const names = [];
  let stage = -1;
  for (const ins of ast.getInstructions()) {
    const k = ins.getKeyword().toUpperCase();
    if (k === 'FROM') {
      stage++;
      names.push((ins.getBuildStage && ins.getBuildStage()) || null);
      continue;
    }
    if (k !== 'COPY') continue;
    const flag = (ins.getFlags ? ins.getFlags() : []).find((f) => f.getName().toLowerCase() === 'from');
    if (!flag) continue;
    const v = flag.getValue() || '';
    const ok = names.slice(0, stage).some((n, idx) => (n && n.toLowerCase() === v.toLowerCase()) || String(idx) === v);
    if (!ok) fail(`COPY --from=${v} names no earlier stage`, text);
  }
}

/**
 * All properties for one case. Throws a PropertyFailure (or whatever the engine threw) on the
 * first violation. Returns the result's status (for statistics).
 */
function checkKeywordCase(api, text, out) {
  const inKw = api.DockerfileParser.parse(text).getInstructions().map((i) => i.getInstruction());
  if (inKw.length && inKw.every((k) => k === k.toLowerCase())) {
    const upper = api.DockerfileParser.parse(out).getInstructions().map((i) => i.getInstruction()).filter((k) => k !== k.toLowerCase());
    if (upper.length) fail(`a lower-case file got upper-case keywords: ${upper.join(', ')}`, out);
  }
}

function checkCase(api, c, opts = {}) {
  const input = { path: 'Dockerfile', ...c.options };
  if (c.contextFiles) input.contextFiles = c.contextFiles;
  let r;
  try {
    r = api.transformDockerfile(c.text, input);
  } catch (e) {
    fail(`transformDockerfile threw: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join(' | ') : e}`);
  }
  if (!r || !['changed', 'unchanged', 'skipped', 'error'].includes(r.status)) fail('bad status', r && r.status);
  if (r.original !== c.text) fail('result.original is not the input');
  for (const m of r.messages) {
    if (!m.id || !m.text || !['info', 'warning', 'error'].includes(m.severity)) fail('malformed message', m);
    if (/\n|\r/.test(m.text)) fail('message text spans lines', m);
    if (/internal\/error/.test(m.id)) fail(`internal error: ${m.text}`);
  }
  if (r.status === 'error' && r.messages.length === 0) fail('error without a message');
  if (r.status !== 'changed') {
    if (r.output !== c.text) fail(`status ${r.status} but the output differs from the input`);
    return r.status;
  }

  const out = r.output;
  // Edits reproduce the output.
  let applied;
  try { applied = api.applyEdits(c.text, r.edits); } catch (e) { fail(`edits do not apply: ${e.message}`); }
  if (applied !== out) fail('applying result.edits to the input does not give result.output');
  // Unedited stretches appear in order (explicitly, independent of applyEdits).
  const sorted = [...r.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let outPos = 0;
  for (const e of sorted) {
    const keep = c.text.slice(pos, e.start);
    const at = out.indexOf(keep, outPos);
    if (at < 0) fail('an unedited stretch of the input is missing from the output', keep);
    outPos = at + keep.length;
    pos = e.end;
  }
  if (out.indexOf(c.text.slice(pos), outPos) < 0) fail('the unedited end of the input is missing from the output');

  // The rewrite is valid.
  const problems = api.validateRewrite(out);
  if (problems.length) fail(`validateRewrite: ${problems.join('; ')}`, out);
  const ast = api.DockerfileParser.parse(out);
  const unknown = ast.getInstructions().filter((i) => !KNOWN.has(i.getKeyword().toUpperCase()));
  if (unknown.length) fail(`unknown instruction ${unknown[0].getKeyword()} in the output`, out);
  // dockerfile-utils as a second opinion: no error the input did not already have. (It throws on
  // some inputs itself, PARSER-NOTES 6: only a throw on the output alone counts.)
  const errorsOf = (t) => { try { return api.validate(t).filter((d) => d.severity === 1); } catch (e) { return e; } };
  const diagsIn = errorsOf(c.text);
  const diags = errorsOf(out);
  if (diags instanceof Error) {
    if (!(diagsIn instanceof Error)) fail(`dockerfile-utils throws on the output only: ${diags.message}`, out);
  } else {
    const known = new Set(Array.isArray(diagsIn) ? diagsIn.map((d) => d.message) : []);
    const fresh = diags.filter((d) => !known.has(d.message));
    if (fresh.length) fail(`dockerfile-utils: ${fresh.map((d) => `${d.message} (line ${d.range.start.line + 1})`).join('; ')}`, out);
  }
  checkStageRefs(api, out);

  // Layout survives: BOM, header (directives, comments and ARGs before FROM), comments, line endings.
  if (c.text.startsWith('\uFEFF') && !out.startsWith('\uFEFF')) fail('the BOM was lost');
  if ((out.match(/\uFEFF/g) || []).length !== (c.text.match(/\uFEFF/g) || []).length) fail('a BOM was added or duplicated');
  const head = c.text.slice(0, headerEnd(api, c.text));
  if (!out.startsWith(head)) fail('the header before the first FROM changed', { head, out: out.slice(0, head.length + 40) });
  const before = commentLines(api, c.text);
  const after = commentLines(api, out);
  const bag = new Map();
  for (const x of after) bag.set(x, (bag.get(x) || 0) + 1);
  for (const x of before) {
    if (!bag.get(x)) fail('a comment line was lost or altered', { comment: x, out });
    bag.set(x, bag.get(x) - 1);
  }
  const le = lineEndings(c.text);
  const leOut = lineEndings(out);
  if (le.lf === 0 && le.cr === 0 && le.crlf > 0 && (leOut.lf > 0 || leOut.cr > 0)) fail('a CRLF file got a lone LF or CR', JSON.stringify(out));
  if (le.crlf === 0 && le.cr === 0 && (leOut.crlf > 0 || leOut.cr > 0)) fail('an LF file got a CR', JSON.stringify(out));
  if (le.cr === 0 && leOut.cr > 0) fail('a lone CR appeared', JSON.stringify(out));
  // Generated keywords follow the file's case when every keyword of the input is lower case.
  if (!opts.skipKeywordCase) checkKeywordCase(api, c.text, out);
  if (c.text.length && /[\r\n]$/.test(c.text) !== /[\r\n]$/.test(out) && /[\r\n]$/.test(c.text)) fail('the final line break was lost');

  // Idempotent.
  let again;
  try { again = api.transformDockerfile(out, input); } catch (e) { fail(`second run threw: ${e.message}`); }
  if (again.status === 'changed' || again.output !== out) fail(`not idempotent: second run is ${again.status}`, { out, again: again.output });
  if (again.status === 'error') fail(`second run on the output is an error: ${again.messages.map((m) => m.id + ' ' + m.text).join('; ')}`, out);
  return r.status;
}

/** Properties over the three generators; `opts` as for checkCase. */
function properties(fc, api, fixtures, opts = {}) {
  const arbs = arbitraries(fc);
  const mut = mutationArb(fc, fixtures, arbs.commentText);
  return {
    arbs,
    go: fc.property(arbs.goDockerfile, (c) => { checkCase(api, c, opts); }),
    soup: fc.property(arbs.soupDockerfile, (c) => { checkCase(api, c, opts); }),
    mutation: fc.property(mut, (c) => { checkCase(api, c, opts); }),
    mutationArb: mut,
  };
}

module.exports = { arbitraries, assemble, loadFixtures, mutate, mutationArb, checkCase, checkKeywordCase, properties, PropertyFailure, splitLinesKeep };
