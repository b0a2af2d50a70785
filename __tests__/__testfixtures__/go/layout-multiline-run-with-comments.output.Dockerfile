FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN go mod download && \
# build the server
    CGO_ENABLED=0 go build \
      -ldflags="-s -w" \
      -o /app . && \
    # done
    echo built

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
