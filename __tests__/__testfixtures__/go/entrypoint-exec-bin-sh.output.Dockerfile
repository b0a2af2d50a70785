FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app/server .
ENV PORT=8080

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
WORKDIR /src
ENV PORT=8080
COPY --from=builder /app/server /app/server
ENTRYPOINT ["/busybox/sh", "-c", "/app/server --port $PORT"]
