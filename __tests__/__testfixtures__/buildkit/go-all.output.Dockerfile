FROM --platform=$BUILDPLATFORM golang:1.22 AS builder
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /usr/local/bin/app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /usr/local/bin/app /usr/local/bin/app
CMD ["app"]
