ARG GO_VERSION=1.22
FROM golang:${GO_VERSION}
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
