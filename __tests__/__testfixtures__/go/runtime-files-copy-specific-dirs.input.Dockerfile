FROM golang:1.22
WORKDIR /app
COPY go.mod main.go ./
COPY templates ./templates
RUN go build -o /app/server .
CMD ["/app/server"]
