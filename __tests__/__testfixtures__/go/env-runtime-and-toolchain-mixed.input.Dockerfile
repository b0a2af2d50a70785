FROM golang:1.22
ENV GOFLAGS=-mod=vendor APP_MODE=release
ENV GOPROXY=off
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
