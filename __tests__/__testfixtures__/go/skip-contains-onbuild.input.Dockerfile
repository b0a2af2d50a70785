FROM golang:1.22
WORKDIR /src
ONBUILD COPY . .
ONBUILD RUN go build -o /app .
CMD ["/app"]
