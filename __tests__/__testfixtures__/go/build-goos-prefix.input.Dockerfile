FROM golang:1.22
WORKDIR /src
COPY . .
RUN GOOS=linux GOARCH=amd64 go build -o /app .
CMD ["/app"]
