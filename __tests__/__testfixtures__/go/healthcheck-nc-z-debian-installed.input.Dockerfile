FROM golang:1.22
RUN apt-get update && apt-get install -y netcat-openbsd
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK CMD nc -z localhost 8080 || exit 1
CMD ["/app"]
