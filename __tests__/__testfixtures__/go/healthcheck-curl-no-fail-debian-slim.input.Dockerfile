FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK CMD curl -s http://localhost:8080/health || exit 1
CMD ["/app"]
