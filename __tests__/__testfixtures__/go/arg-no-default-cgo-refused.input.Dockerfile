ARG GO_VERSION
FROM golang:${GO_VERSION}
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
