FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN cd cmd/server && CGO_ENABLED=0 go build -o /usr/local/bin/server
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /usr/local/bin/server /usr/local/bin/server
CMD ["server"]
