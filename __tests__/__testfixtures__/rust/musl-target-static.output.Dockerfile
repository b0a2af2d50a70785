FROM rust:1.78-bookworm AS builder
WORKDIR /app
RUN rustup target add x86_64-unknown-linux-musl
COPY . .
RUN cargo build --release --target x86_64-unknown-linux-musl
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/x86_64-unknown-linux-musl/release/app /app/target/x86_64-unknown-linux-musl/release/app
CMD ["/app/target/x86_64-unknown-linux-musl/release/app"]
