FROM rust:1.75-bookworm AS builder
WORKDIR /app
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/db /app/target/release/db
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
CMD ["/app/target/release/db"]
