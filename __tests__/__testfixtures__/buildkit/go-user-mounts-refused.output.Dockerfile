FROM --platform=$BUILDPLATFORM golang:1.22 AS builder
ARG TARGETOS TARGETARCH
RUN useradd -m builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder go.mod go.sum ./
RUN go mod download
COPY --chown=builder . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /home/builder/app .

FROM gcr.io/distroless/static-debian12:latest
COPY --from=builder /home/builder/app /home/builder/app
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
USER builder
WORKDIR /home/builder/src
CMD ["/home/builder/app"]
