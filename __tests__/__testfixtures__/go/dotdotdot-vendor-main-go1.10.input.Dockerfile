FROM golang:1.10
# from Go 1.9, ./... leaves vendor/ out: no tool is installed
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN go install ./...
CMD ["tool"]
