FROM golang:1.20 AS builder
WORKDIR /go/src/app
COPY . .
RUN CGO_ENABLED=0 go install -v ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/app
COPY --from=builder /go/bin/greeter /go/bin/greeter
ENV PATH=/go/bin:$PATH
CMD ["greeter"]
