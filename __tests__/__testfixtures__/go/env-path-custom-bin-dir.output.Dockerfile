FROM golang:1.22 AS builder
ENV PATH=/app/bin:$PATH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app/bin/server .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
ENV PATH=/app/bin:$PATH
WORKDIR /src
COPY --from=builder /app/bin/server /app/bin/server
CMD ["server"]
