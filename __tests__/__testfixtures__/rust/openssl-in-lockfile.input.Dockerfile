FROM rust:1.76-bookworm
WORKDIR /app
COPY . .
RUN cargo build --release
CMD ["/app/target/release/fetch"]
