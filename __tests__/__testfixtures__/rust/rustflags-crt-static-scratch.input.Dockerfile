FROM rust:1.75-bookworm
WORKDIR /app
COPY . .
ENV RUSTFLAGS="-C target-feature=+crt-static"
RUN cargo build --release --target x86_64-unknown-linux-gnu
CMD ["/app/target/x86_64-unknown-linux-gnu/release/hello"]
