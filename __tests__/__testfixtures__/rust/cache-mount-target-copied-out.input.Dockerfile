FROM rust:1.75-bookworm
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/app/target \
    cargo build --release && cp target/release/hello /usr/local/bin/hello
CMD ["hello"]
