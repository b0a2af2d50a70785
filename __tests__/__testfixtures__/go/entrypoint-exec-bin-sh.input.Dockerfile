FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app/server .
ENV PORT=8080
ENTRYPOINT ["/bin/sh", "-c", "/app/server --port $PORT"]
