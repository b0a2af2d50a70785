FROM rust:1.75-bookworm
WORKDIR /app
COPY . .
RUN cargo build --release
ENTRYPOINT ["./docker-entrypoint.sh"]
