FROM golang:1.10 AS builder
WORKDIR /go/src/github.com/acme/tool
COPY . .
RUN go get -d -v ./...
RUN CGO_ENABLED=0 go install -v
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/github.com/acme/tool
WORKDIR /go/src/github.com/acme/tool
COPY --from=builder /go/bin/tool /go/bin/tool
ENV PATH=/go/bin:$PATH
CMD ["tool"]
