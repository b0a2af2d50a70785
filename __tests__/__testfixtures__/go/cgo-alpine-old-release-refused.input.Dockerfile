FROM golang:1.15-alpine3.12
RUN apk add --no-cache gcc musl-dev openssl-dev
WORKDIR /src
COPY . .
RUN go build -o /tlsprobe .
CMD ["/tlsprobe"]
