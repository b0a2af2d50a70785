ARG RUST_VERSION=1.75
FROM rust:${RUST_VERSION}-slim-bookworm
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo build --locked --release
ENV RUST_LOG=info
CMD ["/app/target/release/hello"]
