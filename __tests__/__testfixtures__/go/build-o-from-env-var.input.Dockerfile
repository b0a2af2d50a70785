FROM golang:1.22
ENV BIN=/usr/local/bin/hello
WORKDIR /src
COPY . .
RUN go build -o "$BIN" .
CMD ["hello"]
