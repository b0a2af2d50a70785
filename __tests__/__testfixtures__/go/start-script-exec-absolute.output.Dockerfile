FROM golang:1.22 AS builder
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
COPY --from=builder --chown=65532:65532 /src/start.sh /src/start.sh
CMD ["/busybox/sh", "/src/start.sh"]
