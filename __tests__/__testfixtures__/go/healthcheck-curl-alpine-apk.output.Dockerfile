FROM golang:1.22-alpine3.19 AS builder
RUN apk add --no-cache git curl
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
RUN mkdir -p /.stageify-empty

FROM alpine:3.19
RUN apk add --no-cache curl
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app /app
COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip
ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip
USER 65532:65532
HEALTHCHECK CMD curl --silent http://localhost:8080/ping || exit 1
CMD ["/app"]
