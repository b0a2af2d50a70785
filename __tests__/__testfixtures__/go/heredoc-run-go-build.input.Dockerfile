# syntax=docker/dockerfile:1
FROM golang:1.22
WORKDIR /src
COPY . .
RUN <<EOF
go build -o /app .
EOF
CMD ["/app"]
