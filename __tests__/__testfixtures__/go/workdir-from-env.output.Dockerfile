FROM golang:1.22 AS builder
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY . .
RUN CGO_ENABLED=0 go build -o server .

FROM gcr.io/distroless/static-debian12:nonroot
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY --from=builder /srv/app/server /srv/app/server
COPY --from=builder /srv/app/templates /srv/app/templates
CMD ["./server"]
