FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /app/server .
COPY docker-entrypoint.sh /app/docker-entrypoint.sh
ENTRYPOINT ["/app/docker-entrypoint.sh"]
