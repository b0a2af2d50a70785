FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
ENV PORT=8080
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
ENV PORT=8080
COPY --from=builder /app /app
CMD ["sh", "-c", "/app -port $PORT"]
