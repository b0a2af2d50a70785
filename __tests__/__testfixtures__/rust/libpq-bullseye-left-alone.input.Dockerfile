FROM rust:1.70-bullseye
WORKDIR /app
COPY . .
RUN cargo build --release
CMD ["/app/target/release/db"]
