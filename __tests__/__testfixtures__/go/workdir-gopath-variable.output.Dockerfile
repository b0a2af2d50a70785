FROM golang:1.10 AS builder
WORKDIR $GOPATH/src/github.com/acme/x
COPY . .
RUN CGO_ENABLED=0 go build -o app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/x
WORKDIR /go/src/github.com/acme/x
COPY --from=builder --chown=65532:65532 /go/src/github.com/acme/x/app /go/src/github.com/acme/x/app
CMD ["./app"]
