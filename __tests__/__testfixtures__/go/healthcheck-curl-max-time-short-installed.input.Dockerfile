FROM golang:1.21
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK --timeout=10s CMD ["curl", "-f", "-m", "3", "http://localhost:8080/"]
CMD ["/app"]
