FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app/server .
COPY docker-entrypoint.sh /app/docker-entrypoint.sh
RUN mkdir -p /.stageify-empty

FROM debian:bookworm-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app/server /app/server
COPY --from=builder /app/docker-entrypoint.sh /app/docker-entrypoint.sh
COPY --from=builder --chown=65532:65532 /src/docker-entrypoint.sh /src/docker-entrypoint.sh
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
ENTRYPOINT ["/app/docker-entrypoint.sh"]
