from golang:1.22 as builder
workdir /src
copy . .
run CGO_ENABLED=0 go build -o /app .
run mkdir -p /.stageify-empty

from gcr.io/distroless/static-debian12:nonroot
copy --from=builder --chown=65532:65532 /.stageify-empty /src
workdir /src
copy --from=builder /app /app
expose 8080
cmd ["/app"]
