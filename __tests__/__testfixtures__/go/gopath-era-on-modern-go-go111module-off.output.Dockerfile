FROM golang:1.22 AS builder
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/legacy
COPY . .
RUN CGO_ENABLED=0 go install

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/github.com/acme/legacy
COPY --from=builder /go/bin/legacy /go/bin/legacy
ENV PATH=/go/bin:$PATH
CMD ["legacy"]
