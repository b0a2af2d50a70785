FROM rust:1.75 AS builder
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /usr/src/app
COPY --from=builder /usr/src/app/target/release/hello /usr/src/app/target/release/hello
CMD ["./target/release/hello"]
