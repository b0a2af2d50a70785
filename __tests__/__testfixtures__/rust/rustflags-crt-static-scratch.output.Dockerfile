FROM rust:1.75-bookworm AS builder
WORKDIR /app
COPY . .
ENV RUSTFLAGS="-C target-feature=+crt-static"
RUN cargo build --release --target x86_64-unknown-linux-gnu

FROM scratch
WORKDIR /app
COPY --from=builder /app/target/x86_64-unknown-linux-gnu/release/hello /app/target/x86_64-unknown-linux-gnu/release/hello
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
CMD ["/app/target/x86_64-unknown-linux-gnu/release/hello"]
