FROM golang:1.8
COPY . /go/src/github.com/acme/svc
WORKDIR /go/src/github.com/acme/svc
RUN go get -v github.com/acme/svc/...
CMD ["svc", "-config", "config/svc.json"]
