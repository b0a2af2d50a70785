FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
ENV PORT=9000

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
ENV PORT=9000
COPY --from=builder /app /app
EXPOSE $PORT
CMD ["/app"]
