FROM golang:1.21 AS builder
WORKDIR /srv/certsrv
COPY . .
RUN CGO_ENABLED=0 go build -o certsrv .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/certsrv
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/certsrv/certs
COPY --from=builder --chown=65532:65532 /.stageify-empty /var/lib/certsrv
WORKDIR /srv/certsrv
COPY --from=builder --chown=65532:65532 /srv/certsrv/certsrv /srv/certsrv/certsrv
COPY --from=builder --chown=65532:65532 /srv/certsrv/conf /srv/certsrv/conf
VOLUME ["/srv/certsrv/certs", "/var/lib/certsrv"]
EXPOSE 8443
CMD ["./certsrv", "-config", "conf/app.yaml"]
