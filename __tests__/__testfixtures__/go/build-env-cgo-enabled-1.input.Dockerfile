FROM golang:1.22
WORKDIR /src
COPY . .
RUN env CGO_ENABLED=1 go build -o /app .
CMD ["/app"]
