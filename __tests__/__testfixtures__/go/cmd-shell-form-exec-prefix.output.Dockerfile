FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app", "-port", "8080"]
