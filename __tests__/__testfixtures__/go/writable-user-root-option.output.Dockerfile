FROM golang:1.21 AS builder
WORKDIR /srv/certsrv
COPY . .
RUN CGO_ENABLED=0 go build -o certsrv .

FROM gcr.io/distroless/static-debian12:latest
WORKDIR /srv/certsrv
COPY --from=builder /srv/certsrv/certsrv /srv/certsrv/certsrv
COPY --from=builder /srv/certsrv/conf /srv/certsrv/conf
VOLUME /data
CMD ["./certsrv"]
