FROM golang:1.22 AS builder
ARG UID=10001
RUN adduser --disabled-password --uid ${UID} app
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
USER ${UID}

FROM gcr.io/distroless/static-debian12:latest
ARG UID=10001
WORKDIR /src
COPY --from=builder /app /app
USER ${UID}
CMD ["/app"]
