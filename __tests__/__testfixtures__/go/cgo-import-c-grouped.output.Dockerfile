FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM gcr.io/distroless/base-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
