FROM golang:1.22 AS builder
WORKDIR /srv/hello
COPY . .
RUN CGO_ENABLED=0 go build -o bin/hello .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/hello
WORKDIR /srv/hello
COPY --from=builder --chown=65532:65532 /srv/hello/bin/hello /srv/hello/bin/hello
COPY --from=builder --chown=65532:65532 /srv/hello/templates /srv/hello/templates
CMD ["bin/hello"]
