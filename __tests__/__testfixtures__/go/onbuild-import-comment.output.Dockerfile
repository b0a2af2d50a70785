FROM golang:1.8 AS builder
# ONBUILD triggers of golang:1.8-onbuild, written out
WORKDIR /go/src/app
COPY . /go/src/app
RUN mkdir -p /go/src/github.com/acme && ln -s /go/src/app /go/src/github.com/acme/hello
RUN go get -v -d github.com/acme/hello
RUN CGO_ENABLED=0 go install -v github.com/acme/hello
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
WORKDIR /go/src/app
COPY --from=builder /go/bin/hello /go/bin/hello
CMD ["/go/bin/hello"]
