FROM golang:1.22
WORKDIR /src
ADD . .
RUN go build -o /app .
CMD ["/app"]
