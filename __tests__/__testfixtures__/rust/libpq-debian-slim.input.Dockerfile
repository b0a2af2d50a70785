FROM rust:1.75-bookworm
WORKDIR /app
COPY . .
RUN cargo build --release
CMD ["/app/target/release/db"]
