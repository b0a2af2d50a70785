FROM golang:1.21 AS builder
WORKDIR /root/app
COPY . .
RUN CGO_ENABLED=0 go build -o srv .

FROM gcr.io/distroless/static-debian12:latest
WORKDIR /root/app
COPY --from=builder /root/app/srv /root/app/srv
CMD ["./srv"]
