FROM rust AS builder
WORKDIR /app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian13:nonroot
WORKDIR /app
COPY --from=builder /app/target/release/hello /app/target/release/hello
CMD ["/app/target/release/hello"]
