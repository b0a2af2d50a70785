FROM golang:1.22
WORKDIR /srv/hello
COPY . .
RUN go build -o bin/hello .
CMD ["bin/hello"]
