FROM golang:1.22 AS builder
ENV BIN=/usr/local/bin/hello
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o "$BIN" .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
ENV BIN=/usr/local/bin/hello
WORKDIR /src
COPY --from=builder /usr/local/bin/hello /usr/local/bin/hello
CMD ["hello"]
