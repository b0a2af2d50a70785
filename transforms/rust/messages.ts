// Messages of the Rust transform (ids `rust/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const RUST_MESSAGES = {
  'rust/artifact': ['info', 'the program is {path}, built by line {line}'],
  'rust/linkage': ['info', 'the binary {detail}'],
  'rust/debian-release': ['info', 'rust:{tag} is built on Debian {release}; the runtime keeps a glibc at least as new'],
  'rust/openssl': ['info', 'Cargo.lock has openssl-sys without vendored OpenSSL: the binary links libssl3/libcrypto3, which {image} ships'],
  'rust/no-lockfile': ['info', 'no Cargo.lock in the build context to tell which system libraries the binary links; {image} has glibc, libgcc_s and libssl3'],
  'rust/cargo-run-compiled': ['info', '`cargo run` at start-up becomes `cargo build` in the builder; the runtime starts the binary {path}'],
  'rust/openssl-runtime': ['warning', 'Cargo.lock has openssl-sys: the binary needs libssl, which {image} does not have; left alone — use the default distroless cc runtime, or the openssl "vendored" feature'],
  'rust/openssl-old-release': ['warning', 'openssl-sys on a Debian {release} builder links {library}, which no current minimal runtime ships; left alone — build on a bookworm tag (rust:<version>-bookworm)'],
  'rust/system-library': ['warning', 'the binary links {library} (crate {crate}), which minimal runtimes do not have, and {reason}; left alone — pass --runtime with an image that has it, or enable the crate\'s bundled/static feature'],
  'rust/system-libraries-installed': ['info', 'the binary links system libraries (crates {crates}): {image} installs their runtime packages {libraries} (from {source})'],
  'rust/mixed-linkage': ['warning', 'the binaries the container runs link different C libraries ({detail}); left alone'],
  'rust/entrypoint-unknown': ['warning', 'cannot tell which binary {program} is (not built by a cargo command stageify can follow); left alone — build it with `cargo build --release` or `cargo install --path .` and start that binary'],
  'rust/no-entrypoint': ['warning', 'no CMD or ENTRYPOINT starts a program built here; left alone'],
  'rust/artifact-unknown': ['warning', 'cannot tell where {command} on line {line} writes its binary; left alone'],
  'rust/cargo-run-unknown': ['warning', '`cargo run` on line {line}: cannot tell which binary it runs ({reason}); left alone — pass --bin NAME'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof RUST_MESSAGES, true> {}
}
