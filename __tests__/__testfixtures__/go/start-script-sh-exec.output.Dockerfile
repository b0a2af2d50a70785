FROM golang:1.22 AS builder
WORKDIR /app
COPY . .
RUN CGO_ENABLED=0 go build -o /app/server .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/server /app/server
COPY --from=builder --chown=65532:65532 /app/run.sh /app/run.sh
CMD ["/busybox/sh", "/app/run.sh"]
