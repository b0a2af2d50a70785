FROM golang:1.8 AS builder

WORKDIR /go/src/app
COPY . .

RUN go get -d -v ./...
RUN go install -v ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
WORKDIR /go/src/app
COPY --from=builder /go/bin /go/bin
COPY --from=builder --chown=65532:65532 /go/src/app /go/src/app
ENV PATH=/go/bin:$PATH
CMD ["app"]
