FROM golang:1.21
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK --timeout=5s CMD ["curl", "-f", "--max-time", "10", "-o", "/dev/null", "http://localhost:8080/"]
CMD ["/app"]
