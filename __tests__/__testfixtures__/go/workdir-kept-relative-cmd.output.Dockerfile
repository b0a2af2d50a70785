FROM golang:1.22 AS builder
WORKDIR /srv/hello
COPY . .
RUN CGO_ENABLED=0 go build -o bin/hello .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /srv/hello
COPY --from=builder /srv/hello/bin/hello /srv/hello/bin/hello
COPY --from=builder /srv/hello/templates /srv/hello/templates
CMD ["bin/hello"]
