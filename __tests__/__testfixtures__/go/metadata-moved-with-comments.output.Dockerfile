FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
# who to blame
LABEL org.opencontainers.image.source="https://example.com/hello" \
      maintainer="ops@example.com"
WORKDIR /src
COPY --from=builder /app /app
# data lives here
VOLUME /data
# graceful stop
STOPSIGNAL SIGINT
# the HTTP port
EXPOSE 8080
CMD ["/app"]
