FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM cgr.dev/chainguard/static:latest
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
