FROM golang:1.10
# the go tool skips _examples/ and testdata/
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN go install ./...
CMD ["demo"]
