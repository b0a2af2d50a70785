FROM golang:1.22 AS compile
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=compile /app /app
CMD ["/app"]
