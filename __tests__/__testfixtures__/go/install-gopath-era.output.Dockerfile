FROM golang:1.10 AS builder
WORKDIR /go/src/github.com/acme/tool
COPY . .
RUN go get -d -v ./...
RUN CGO_ENABLED=0 go install -v

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/github.com/acme/tool
COPY --from=builder /go/bin/tool /go/bin/tool
ENV PATH=/go/bin:$PATH
CMD ["tool"]
