# syntax=docker/dockerfile:1
# Build the hello service.
FROM golang:1.22

WORKDIR /src
COPY . .
RUN go build -o /app .

CMD ["/app"]

# end of file


