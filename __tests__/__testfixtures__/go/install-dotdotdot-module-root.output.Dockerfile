FROM golang:1.20 AS builder
WORKDIR /go/src/app
COPY . .
RUN CGO_ENABLED=0 go install -v ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
WORKDIR /go/src/app
COPY --from=builder /go/bin/greeter /go/bin/greeter
ENV PATH=/go/bin:$PATH
CMD ["greeter"]
