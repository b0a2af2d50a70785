FROM golang:1.21
WORKDIR /root/app
COPY . .
RUN go build -o srv .
CMD ["./srv"]
