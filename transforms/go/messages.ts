// Messages of the Go transform (ids `go/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const GO_MESSAGES = {
  'go/cgo-disabled': ['info', 'no cgo imports found; CGO_ENABLED=0 gives a static binary'],
  'go/cgo-kept': ['info', 'cgo is needed ({reason}); cgo kept, runtime with a matching libc'],
  'go/cgo-explicit': ['info', 'the Dockerfile sets CGO_ENABLED={value}; kept as written'],
  'go/artifact': ['info', 'the program is {path}, built by line {line}'],
  'go/go-run-compiled': ['info', '`go run` at start-up becomes a build in the builder; the runtime starts the binary {path}'],
  'go/gopath-mode': ['info', 'GOPATH-era project (no go.mod): builder keeps GOPATH semantics ({detail})'],
  'go/cgo-system-libs': ['warning', 'the cgo binary may load libraries the builder installs ({packages}), but {reason}; left alone — {fix}'],
  'go/cgo-runtime-libs': ['info', 'the cgo binary loads the libraries the builder installs with {dev}: {image} installs their runtime packages {libraries} (from {source})'],
  'go/runs-program': ['warning', '{file} starts `{program}` (os/exec), which the runtime image would not have; left alone — install it in a runtime you pass with --runtime IMAGE, or build it in the builder and copy it'],
  'go/runs-busybox': ['info', 'the program starts {programs} (os/exec): the runtime has busybox, which provides them'],
  'go/entrypoint-unknown': ['warning', 'cannot tell which binary {program} is (not built by a go command stageify can follow); left alone — build it with `go build -o <path>` and start that path'],
  'go/no-entrypoint': ['warning', 'no CMD or ENTRYPOINT starts a program built here; left alone'],
  'go/artifact-unknown': ['warning', 'cannot tell where {command} on line {line} writes its binary; left alone'],
  'go/install-dir-whole': ['info', 'without the build context stageify cannot tell which binaries line {line} installs or how a go.mod names them: the whole {dir} is copied, where the start command finds its program'],
  'go/folders-copied-whole': ['info', 'without the build context stageify cannot tell runtime files from sources: {dirs} copied whole to the runtime stage (pass --context DIR to copy only the files the program reads)'],
  'go/tag-unresolved': ['warning', 'the Go version comes from {vars}, which has no default ({image}), and the build depends on it: {why}; left alone — give ARG {vars} a default (the value you pass with --build-arg), then run stageify again'],
  'go/tag-unresolved-kept': ['info', 'the Go version comes from {vars}, which has no default ({image}): the builder keeps it as written; the runtime does not depend on it (a module build that names its binaries the same under every Go version, static)'],
  'go/binaries-folder': ['info', 'the whole folder {dir} is copied to the runtime stage: {reason}'],
  'go/binaries-left': ['info', 'built but not started, left in the builder: {paths}; add `COPY --from={builder} <path> <path>` to the runtime stage for any the program runs'],
  'go/binary-uncertain': ['warning', 'cannot tell whether line {line} builds {path}: its build constraints depend on the builder (CPU, cgo or GOEXPERIMENT) and {dir} is not a folder to copy whole; left alone — set GOARCH and CGO_ENABLED on the build, or build it with `go build -o <path>`'],
  'go/start-script': ['info', '{keyword} on line {line} runs the start script {script} ({shell}): it is copied with the programs it starts ({programs}), on a runtime with {shell}'],
  'go/start-script-busybox': ['info', '{keyword} on line {line} runs {script}, whose shebang names {interpreter}; the runtime has no such path, so it runs {replacement} (busybox sh, the same POSIX shell language)'],
  'go/start-script-builds': ['warning', 'the start script {script} ({keyword} on line {line}) runs `{command}` on its line {scriptLine}: it builds at every start and needs the toolchain; left alone — build in the builder with a RUN line and make the script start the result'],
  'go/start-script-unplaced': ['warning', 'the start script {script} ({keyword} on line {line}) starts {program} on its line {scriptLine}, which is not built here, a busybox applet or a shell builtin; left alone — build or install it in the builder and start it by its path, or pass --runtime IMAGE that has it'],
  'go/start-script-unread': ['warning', 'the start script {script} ({keyword} on line {line}) has {what} on its line {scriptLine}, whose commands stageify does not follow; left alone — start the program from the script without it, or convert by hand'],
  'go/start-script-shell': ['warning', 'the start script {script} ({keyword} on line {line}) runs with `{interpreter}`, which stageify does not place in a runtime image (it knows sh and bash); left alone — pass --runtime IMAGE that has it'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof GO_MESSAGES, true> {}
}
