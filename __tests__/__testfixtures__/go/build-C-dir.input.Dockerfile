FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -C cmd/server .
CMD ["/src/cmd/server/server"]
