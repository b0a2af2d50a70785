FROM rust:1.80-bookworm AS builder
WORKDIR /ws
COPY . .
RUN cargo build --release -p api

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /ws
COPY --from=builder /ws/target/release/api /ws/target/release/api
CMD ["/ws/target/release/api"]
