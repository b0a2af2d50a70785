FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
WORKDIR /src
COPY --from=builder /app /app
HEALTHCHECK CMD /app -healthcheck || exit 1
CMD ["/app"]
