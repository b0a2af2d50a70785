FROM golang:1.22
RUN useradd -u 10001 appuser
WORKDIR /src
COPY . .
RUN go build -o /app .
USER appuser
CMD ["/app"]
