FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
RUN mkdir -p /.stageify-empty

FROM my.registry:5000/base/img:1
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app /app
USER 65532:65532
CMD ["/app"]
