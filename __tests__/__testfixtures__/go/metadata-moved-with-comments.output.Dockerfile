FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
COPY --from=builder --chown=65532:65532 /.stageify-empty /data
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
