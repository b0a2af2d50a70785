FROM rust:1.75-bookworm AS builder
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /usr/src/app
COPY --from=builder /usr/src/app/target/release/web /usr/src/app/target/release/web
CMD ["/usr/src/app/target/release/web", "--port", "8080"]
