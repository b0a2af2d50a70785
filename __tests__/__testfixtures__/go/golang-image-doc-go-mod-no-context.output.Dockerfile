FROM golang:1.22 AS builder
WORKDIR /usr/src/app
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN go build -v -o /usr/local/bin/app ./...
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder /usr/local/bin/app /usr/local/bin/app
COPY --from=builder --chown=65532:65532 /usr/src/app /usr/src/app
CMD ["app"]
