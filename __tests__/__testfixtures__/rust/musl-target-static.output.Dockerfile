FROM rust:1.78-bookworm AS builder
WORKDIR /app
RUN rustup target add x86_64-unknown-linux-musl
COPY . .
RUN cargo build --release --target x86_64-unknown-linux-musl

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=builder /app/target/x86_64-unknown-linux-musl/release/app /app/target/x86_64-unknown-linux-musl/release/app
CMD ["/app/target/x86_64-unknown-linux-musl/release/app"]
