ARG GO_VERSION
FROM golang:${GO_VERSION:-1.22}
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
