FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK --interval=10s CMD wget -q --spider http://localhost:8080/health
CMD ["/app"]
