FROM rust:1.75-bookworm AS builder
WORKDIR /app
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM debian:bookworm-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/report /app/target/release/report
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
CMD ./target/release/report | tee /tmp/report.txt
