FROM rust:1-bookworm AS builder
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --bin server
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/server /app/target/release/server
EXPOSE 8080
ENTRYPOINT ["/app/target/release/server"]
