FROM golang:1.10
# go install builds x, a and b; the runtime needs only x
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN go install ./...
CMD ["x"]
