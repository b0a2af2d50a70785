FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK --interval=10s CMD curl -fsS http://localhost:8080/health || exit 1
CMD ["/app"]
