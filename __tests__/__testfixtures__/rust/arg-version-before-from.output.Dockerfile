ARG RUST_VERSION=1.75
FROM rust:${RUST_VERSION}-slim-bookworm AS builder
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo build --locked --release
ENV RUST_LOG=info

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /app
ENV RUST_LOG=info
COPY --from=builder /app/target/release/hello /app/target/release/hello
CMD ["/app/target/release/hello"]
