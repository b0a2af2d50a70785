FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1
CMD ["/app"]
