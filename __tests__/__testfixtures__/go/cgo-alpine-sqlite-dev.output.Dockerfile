FROM golang:1.22-alpine3.19 AS builder
RUN apk add --no-cache gcc musl-dev sqlite-dev
WORKDIR /src
COPY . .
RUN go build -o /notes .
RUN mkdir -p /.stageify-empty

FROM alpine:3.19
RUN apk add --no-cache sqlite-libs
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /notes /notes
COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip
ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip
USER 65532:65532
ENTRYPOINT ["/notes"]
