FROM golang:1.21 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app /app
HEALTHCHECK --timeout=5s CMD ["wget", "-q", "-O", "/dev/null", "http://localhost:8080/"]
CMD ["/app"]
