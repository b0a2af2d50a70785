from golang:1.22 as builder
workdir /src
copy . .
run CGO_ENABLED=0 go build -o /app .

from gcr.io/distroless/static-debian12:nonroot
workdir /src
copy --from=builder /app /app
expose 8080
cmd ["/app"]
