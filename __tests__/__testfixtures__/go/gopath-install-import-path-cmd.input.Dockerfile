FROM golang:1.10
WORKDIR /go/src/github.com/acme/svc
COPY . .
RUN go install github.com/acme/svc/cmd/...
ENTRYPOINT ["svcd"]
