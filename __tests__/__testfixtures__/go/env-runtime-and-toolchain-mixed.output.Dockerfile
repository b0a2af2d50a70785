FROM golang:1.22 AS builder
ENV GOFLAGS=-mod=vendor APP_MODE=release
ENV GOPROXY=off
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
ENV GOFLAGS=-mod=vendor APP_MODE=release
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
