FROM golang:1.22
# who to blame
LABEL org.opencontainers.image.source="https://example.com/hello" \
      maintainer="ops@example.com"
WORKDIR /src
COPY . .
RUN go build -o /app .

# data lives here
VOLUME /data
# graceful stop
STOPSIGNAL SIGINT
# the HTTP port
EXPOSE 8080
CMD ["/app"]
