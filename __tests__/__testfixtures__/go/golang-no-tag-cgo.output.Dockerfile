FROM golang AS builder
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM gcr.io/distroless/base-debian13:nonroot
WORKDIR /src
COPY --from=builder /app /app
CMD ["/app"]
