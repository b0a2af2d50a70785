FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go install ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /go/bin/api /go/bin/api
ENV PATH=/go/bin:$PATH
CMD ["api"]
