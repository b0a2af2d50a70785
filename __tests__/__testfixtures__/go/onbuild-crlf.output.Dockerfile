FROM golang:1.8 AS builder
# ONBUILD triggers of golang:1.8-onbuild, written out
WORKDIR /go/src/app
COPY . /go/src/app
RUN go get -v -d
RUN CGO_ENABLED=0 go install -v
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
WORKDIR /go/src/app
COPY --from=builder /go/bin/app /go/bin/app
EXPOSE 8080
CMD ["/go/bin/app"]
