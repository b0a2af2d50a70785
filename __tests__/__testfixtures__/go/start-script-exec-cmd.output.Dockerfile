FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/server .
COPY entrypoint.sh /entrypoint.sh
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /usr/local/bin/server /usr/local/bin/server
COPY --from=builder /entrypoint.sh /entrypoint.sh
COPY --from=builder --chown=65532:65532 /src/entrypoint.sh /src/entrypoint.sh
ENTRYPOINT ["/busybox/sh", "-e", "/entrypoint.sh"]
CMD ["server", "-v"]
