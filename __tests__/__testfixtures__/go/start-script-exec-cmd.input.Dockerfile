FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/server .
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["server", "-v"]
