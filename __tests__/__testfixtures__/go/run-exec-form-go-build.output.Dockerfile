FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
ENV CGO_ENABLED=0
RUN ["go", "build", "-o", "/app", "."]

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
