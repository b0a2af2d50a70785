FROM golang:1.10
WORKDIR $GOPATH/src/github.com/acme/x
COPY . .
RUN go build -o app .
CMD ["./app"]
