FROM rust:1.75-bookworm AS builder
WORKDIR /app
COPY . .
ENV RUSTFLAGS="-C target-feature=+crt-static"
RUN cargo build --release --target x86_64-unknown-linux-gnu
RUN mkdir -p /.stageify-empty

FROM scratch
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/x86_64-unknown-linux-gnu/release/hello /app/target/x86_64-unknown-linux-gnu/release/hello
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
CMD ["/app/target/x86_64-unknown-linux-gnu/release/hello"]
