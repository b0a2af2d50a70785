FROM golang:1.22
WORKDIR /src
COPY . .
RUN go install github.com/swaggo/swag/cmd/swag@v1.16.3 && swag init
RUN go build -o /app .
CMD ["/app"]
