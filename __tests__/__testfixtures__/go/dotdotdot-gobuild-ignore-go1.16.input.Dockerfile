FROM golang:1.16
# Go 1.16 does not read //go:build lines: tools/gen is built
WORKDIR /src
COPY . .
RUN go install ./...
CMD ["gen"]
