FROM golang:1.16 AS builder
# Go 1.16 does not read //go:build lines: tools/gen is built
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go install ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /go/bin/gen /go/bin/gen
ENV PATH=/go/bin:$PATH
CMD ["gen"]
