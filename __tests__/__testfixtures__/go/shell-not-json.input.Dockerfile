FROM golang:1.22
SHELL ["/bin/bash" "-c"]
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
