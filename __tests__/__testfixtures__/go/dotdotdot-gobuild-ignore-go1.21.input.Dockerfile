FROM golang:1.21
# Go 1.17 and later honour //go:build ignore: tools/gen is not built
WORKDIR /src
COPY . .
RUN go install ./...
CMD ["gen"]
