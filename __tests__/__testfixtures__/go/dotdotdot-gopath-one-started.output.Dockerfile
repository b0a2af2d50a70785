FROM golang:1.10 AS builder
# go install builds x, a and b; the runtime needs only x
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN CGO_ENABLED=0 go install ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/x
WORKDIR /go/src/github.com/acme/x
COPY --from=builder /go/bin/x /go/bin/x
ENV PATH=/go/bin:$PATH
CMD ["x"]
