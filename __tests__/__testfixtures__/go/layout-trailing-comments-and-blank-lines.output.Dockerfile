# syntax=docker/dockerfile:1
# Build the hello service.
FROM golang:1.22 AS builder

WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

# end of file


FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
