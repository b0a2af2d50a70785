FROM golang:1.22 AS builder
RUN apt-get update && apt-get install -y libpq-dev libsqlite3-dev
WORKDIR /src
COPY . .
RUN go build -o /notes .
USER nobody

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libsqlite3-0 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY --from=builder /notes /notes
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
USER nobody
CMD ["/notes"]
