FROM golang:1.8
# before Go 1.9, ./... also matches vendor/: tool is installed
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN go install ./...
CMD ["tool"]
