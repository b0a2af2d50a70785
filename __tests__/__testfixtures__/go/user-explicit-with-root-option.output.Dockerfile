FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
USER 1000:1000

FROM gcr.io/distroless/static-debian12:latest
WORKDIR /src
COPY --from=builder /app /app
USER 1000:1000
CMD ["/app"]
