FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app/server .
COPY entrypoint.sh /app/entrypoint.sh
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["-addr", ":8080"]
