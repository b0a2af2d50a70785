FROM golang:1.22 AS builder
ENV PATH=/app/bin:$PATH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app/bin/server .

FROM gcr.io/distroless/static-debian12:nonroot
ENV PATH=/app/bin:$PATH
WORKDIR /src
COPY --from=builder /app/bin/server /app/bin/server
CMD ["server"]
