FROM golang:1.19 AS builder
COPY . .
RUN CGO_ENABLED=0 go build main.go
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go
WORKDIR /go
COPY --from=builder --chown=65532:65532 /go/main /go/main
ENTRYPOINT ["./main"]
