FROM golang:1.10 AS builder
WORKDIR /go/src/github.com/acme/svc
COPY . .
RUN CGO_ENABLED=0 go install github.com/acme/svc/cmd/...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/svc
WORKDIR /go/src/github.com/acme/svc
COPY --from=builder /go/bin/svcd /go/bin/svcd
ENV PATH=/go/bin:$PATH
ENTRYPOINT ["svcd"]
