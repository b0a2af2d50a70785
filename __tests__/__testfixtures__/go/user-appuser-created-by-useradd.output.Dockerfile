FROM golang:1.22 AS builder
RUN useradd -u 10001 appuser
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
USER appuser

FROM gcr.io/distroless/static-debian12:latest
WORKDIR /src
COPY --from=builder /app /app
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
USER appuser
CMD ["/app"]
