FROM golang:1.7 AS builder
# ONBUILD triggers of golang:1.7-onbuild, written out
WORKDIR /go/src/app
COPY . /go/src/app
RUN mkdir -p /go/src/github.com/acme && ln -s /go/src/app /go/src/github.com/acme/svc
RUN go get -v -d github.com/acme/svc
RUN CGO_ENABLED=0 go install -v github.com/acme/svc
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
WORKDIR /go/src/app
COPY --from=builder /go/bin/svc /go/bin/svc
EXPOSE 3000
CMD ["/go/bin/svc"]
