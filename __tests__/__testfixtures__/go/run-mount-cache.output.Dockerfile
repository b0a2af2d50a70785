FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=cache,target=/go/pkg/mod \
    CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
