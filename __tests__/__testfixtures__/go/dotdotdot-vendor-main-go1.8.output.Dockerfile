FROM golang:1.8 AS builder
# before Go 1.9, ./... also matches vendor/: tool is installed
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN CGO_ENABLED=0 go install ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/x
WORKDIR /go/src/github.com/acme/x
COPY --from=builder /go/bin/tool /go/bin/tool
ENV PATH=/go/bin:$PATH
CMD ["tool"]
