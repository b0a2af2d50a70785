FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
ENTRYPOINT ["/app", "--listen", ":8080"
