FROM golang:1.22 AS builder
ENV GOBIN=/opt/tools/bin
WORKDIR ${GOBIN}
COPY . /src
RUN cd /src && CGO_ENABLED=0 go build -o $GOBIN/app .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
COPY --from=builder --chown=65532:65532 /.stageify-empty /opt/tools/bin
ENV GOPATH=/go
WORKDIR /opt/tools/bin
COPY --from=builder --chown=65532:65532 /opt/tools/bin/app /opt/tools/bin/app
CMD ./app -cache $GOPATH/cache
