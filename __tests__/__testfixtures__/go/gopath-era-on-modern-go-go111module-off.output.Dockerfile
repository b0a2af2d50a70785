FROM golang:1.22 AS builder
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/legacy
COPY . .
RUN CGO_ENABLED=0 go install
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/legacy
WORKDIR /go/src/github.com/acme/legacy
COPY --from=builder /go/bin/legacy /go/bin/legacy
ENV PATH=/go/bin:$PATH
CMD ["legacy"]
