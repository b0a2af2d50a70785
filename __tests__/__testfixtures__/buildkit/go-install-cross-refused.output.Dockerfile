FROM golang:1.22 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go install .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /go/bin/app /go/bin/app
ENV PATH=/go/bin:$PATH
CMD ["app"]
