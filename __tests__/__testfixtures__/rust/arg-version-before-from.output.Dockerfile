ARG RUST_VERSION=1.75
FROM rust:${RUST_VERSION}-slim-bookworm AS builder
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo build --locked --release
ENV RUST_LOG=info
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
ENV RUST_LOG=info
COPY --from=builder --chown=65532:65532 /app/target/release/hello /app/target/release/hello
CMD ["/app/target/release/hello"]
