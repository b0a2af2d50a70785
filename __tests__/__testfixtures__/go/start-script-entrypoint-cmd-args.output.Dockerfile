FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app/server .
COPY entrypoint.sh /app/entrypoint.sh
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app/server /app/server
COPY --from=builder /app/entrypoint.sh /app/entrypoint.sh
COPY --from=builder --chown=65532:65532 /src/entrypoint.sh /src/entrypoint.sh
ENTRYPOINT ["/busybox/sh", "/app/entrypoint.sh"]
CMD ["-addr", ":8080"]
