# the version comes from CI
ARG GO_VERSION
ARG ALPINE=3.19
FROM golang:${GO_VERSION}-alpine${ALPINE} AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
