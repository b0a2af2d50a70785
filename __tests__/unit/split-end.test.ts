// Where the runtime stage joins the end of the file: after the original's last line, whatever
// line ending (or none) and blank lines it has, with exactly one blank line between the stages
// unless the original already ends with one.
import { transformDockerfile } from '../../src';

const CONTEXT = { 'go.mod': 'module x\n\ngo 1.21\n', 'main.go': 'package main\n\nfunc main() {}\n' };
// RUN stays in the builder and is the last line: the runtime stage is appended right after it
// (run as root, so no folder is made for a non-root user and nothing follows the RUN).
const BUILDER = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nCMD ["/app"]\nRUN go build -o /app .';
const RUNTIME = 'FROM gcr.io/distroless/static-debian12:latest\nWORKDIR /src\nCOPY --from=builder /app /app\nCMD ["/app"]\n';

const joined = (ending: string) => {
  const r = transformDockerfile(BUILDER + ending, { contextFiles: CONTEXT, user: 'root' });
  expect(r.status).toBe('changed');
  const at = r.output.indexOf('RUN CGO_ENABLED=0 go build -o /app .') + 'RUN CGO_ENABLED=0 go build -o /app .'.length;
  expect(r.output.slice(at + r.output.slice(at).indexOf('FROM gcr.io'))).toBe(RUNTIME);
  return r.output.slice(at, at + r.output.slice(at).indexOf('FROM gcr.io'));
};

describe('the runtime stage at the end of the file', () => {
  test.each([
    ['\n', '\n\n'],
    ['\r\n', '\r\n\n'],
    ['', '\n\n'],
    ['\n\n', '\n\n'],
    ['\r\n\r\n', '\r\n\r\n'],
    ['\n \t\n', '\n \t\n'],
    ['\n\t', '\n\t\n\n'],
    ['\n\r', '\n\r'],
  ])('original ending %j: %j between the stages', (ending, between) => {
    expect(joined(ending)).toBe(between);
  });
});

describe('the empty folder made for the runtime user ends like the builder lines', () => {
  test.each([
    ['\n', 'go build -o /app .\nRUN mkdir -p /.stageify-empty\n\nFROM'],
    // The file's own line ending is LF: the generated line ends with it.
    ['\r\n', 'go build -o /app .\r\nRUN mkdir -p /.stageify-empty\n\nFROM'],
    ['', 'go build -o /app .\nRUN mkdir -p /.stageify-empty\n\nFROM'],
  ])('original ending %j', (ending, expected) => {
    const r = transformDockerfile(BUILDER + ending, { contextFiles: CONTEXT });
    expect(r.status).toBe('changed');
    const at = r.output.indexOf('RUN CGO_ENABLED=0 go build') + 'RUN CGO_ENABLED=0 '.length;
    expect(r.output.slice(at, r.output.indexOf('FROM gcr.io') + 4)).toBe(expected);
    expect(r.output).toContain('COPY --from=builder --chown=65532:65532 /.stageify-empty /src');
  });
});
