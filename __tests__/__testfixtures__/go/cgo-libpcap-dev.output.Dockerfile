FROM golang:1.22 AS builder
RUN apt-get update && apt-get install -y --no-install-recommends libpcap-dev gcc libc6-dev
WORKDIR /src
COPY . .
RUN go build -o /sniff .
RUN mkdir -p /.stageify-empty

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpcap0.8 && rm -rf /var/lib/apt/lists/*
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /sniff /sniff
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER 65532:65532
CMD ["/sniff"]
