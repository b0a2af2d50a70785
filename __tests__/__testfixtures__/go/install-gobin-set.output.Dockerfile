FROM golang:1.22 AS builder
ENV GOBIN=/usr/local/bin
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go install .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /usr/local/bin/hello /usr/local/bin/hello
CMD ["hello"]
