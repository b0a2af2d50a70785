FROM golang:1.22 AS builder
WORKDIR /app
COPY go.mod main.go ./
COPY templates ./templates
RUN CGO_ENABLED=0 go build -o /app/server .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=builder /app/server /app/server
COPY --from=builder /app/templates /app/templates
CMD ["/app/server"]
