FROM golang:1.10
WORKDIR /go/src/github.com/acme/tool
COPY . .
RUN go get -d -v ./...
RUN go install -v
CMD ["tool"]
