FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
USER 1000:1000
CMD ["/app"]
