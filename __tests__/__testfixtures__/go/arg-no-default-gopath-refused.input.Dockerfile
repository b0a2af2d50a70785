ARG GO_VERSION
FROM golang:${GO_VERSION}
WORKDIR /go/src/github.com/acme/tool
COPY . .
RUN go install -v
CMD ["tool"]
