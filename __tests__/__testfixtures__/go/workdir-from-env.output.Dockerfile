FROM golang:1.22 AS builder
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY . .
RUN CGO_ENABLED=0 go build -o server .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/app
WORKDIR /go
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY --from=builder --chown=65532:65532 /srv/app/server /srv/app/server
COPY --from=builder --chown=65532:65532 /srv/app/templates /srv/app/templates
CMD ["./server"]
