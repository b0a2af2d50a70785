FROM golang:1.22@sha256:cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
