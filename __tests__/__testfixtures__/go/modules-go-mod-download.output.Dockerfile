FROM golang:1.22 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/server .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /usr/local/bin/server /usr/local/bin/server
CMD ["server"]
