FROM rust:1.80-bookworm
WORKDIR /ws
COPY . .
RUN cargo build --release -p api
CMD ["/ws/target/release/api"]
