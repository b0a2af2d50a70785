FROM rust:1.76-bookworm AS builder
WORKDIR /app
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/fetch /app/target/release/fetch
CMD ["/app/target/release/fetch"]
