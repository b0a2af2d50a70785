FROM rust:1-bookworm
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --bin server
EXPOSE 8080
ENTRYPOINT ["/app/target/release/server"]
