FROM golang:1.8 AS builder
# before Go 1.9, ./... also matches vendor/: tool is installed
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN CGO_ENABLED=0 go install ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/github.com/acme/x
COPY --from=builder /go/bin/tool /go/bin/tool
ENV PATH=/go/bin:$PATH
CMD ["tool"]
