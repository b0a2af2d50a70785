FROM golang:1.22
WORKDIR /src
COPY --chown=1000:1000 . .
RUN go build -o /app .
CMD ["/app"]
