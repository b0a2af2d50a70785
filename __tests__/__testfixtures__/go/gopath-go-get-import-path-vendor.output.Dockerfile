FROM golang:1.8 AS builder
COPY . /go/src/github.com/acme/svc
WORKDIR /go/src/github.com/acme/svc
RUN CGO_ENABLED=0 go get -v github.com/acme/svc/...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/svc
WORKDIR /go/src/github.com/acme/svc
COPY --from=builder /go/bin/svc /go/bin/svc
COPY --from=builder --chown=65532:65532 /go/src/github.com/acme/svc/config /go/src/github.com/acme/svc/config
ENV PATH=/go/bin:$PATH
CMD ["svc", "-config", "config/svc.json"]
