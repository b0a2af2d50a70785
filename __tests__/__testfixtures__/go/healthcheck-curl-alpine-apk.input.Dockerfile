FROM golang:1.22-alpine3.19
RUN apk add --no-cache git curl
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK CMD curl --silent http://localhost:8080/ping || exit 1
CMD ["/app"]
