FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /usr/local/bin/app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /usr/local/bin/app /usr/local/bin/app
CMD ["app"]
