FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/server ./cmd/server && CGO_ENABLED=0 go build -o /bin/worker ./cmd/worker
USER 1001

FROM gcr.io/distroless/static-debian12:latest
WORKDIR /src
COPY --from=builder /bin/server /bin/server
COPY --from=builder /bin/worker /bin/worker
USER 1001
CMD ["server"]
