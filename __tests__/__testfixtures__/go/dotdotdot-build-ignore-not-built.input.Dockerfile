FROM golang:1.10
# internal/gen is a main package only in a file tagged ignore
WORKDIR /go/src/github.com/acme/x
COPY . .
RUN go install ./...
CMD ["gen"]
