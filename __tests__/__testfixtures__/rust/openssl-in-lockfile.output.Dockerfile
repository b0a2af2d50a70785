FROM rust:1.76-bookworm AS builder
WORKDIR /app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /app
COPY --from=builder /app/target/release/fetch /app/target/release/fetch
CMD ["/app/target/release/fetch"]
