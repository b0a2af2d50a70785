FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
ENV PORT=1
RUN mkdir -p /.stageify-empty

FROM alpine:3.20
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
ENV PORT=1
COPY --from=builder /app /app
COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip
ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip
USER 65532:65532
CMD /app -port $PORT
