from golang:1.8 as builder
# ONBUILD triggers of golang:1.8-onbuild, written out
workdir /go/src/app
copy . /go/src/app
run go get -v -d
run CGO_ENABLED=0 go install -v
run mkdir -p /.stageify-empty

from gcr.io/distroless/static-debian12:nonroot
copy --from=builder --chown=65532:65532 /.stageify-empty /go/src/app
workdir /go/src/app
copy --from=builder /go/bin/app /go/bin/app
expose 8080
cmd ["/go/bin/app"]
