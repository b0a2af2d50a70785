FROM rust:1.75-bookworm AS builder
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/app/target \
    cargo build --release && cp target/release/hello /usr/local/bin/hello
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder /usr/local/bin/hello /usr/local/bin/hello
CMD ["hello"]
