FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -C cmd/server .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /src/cmd/server/server /src/cmd/server/server
CMD ["/src/cmd/server/server"]
