FROM golang:1.21
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/gitsrv .
CMD ["gitsrv"]
