FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o bin/ ./cmd/...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /src/bin /src/bin
CMD ["/src/bin/api"]
