FROM golang:1.22
WORKDIR /src
COPY . .
RUN go mod download && \
# build the server
    go build \
      -ldflags="-s -w" \
      -o /app . && \
    # done
    echo built
CMD ["/app"]
