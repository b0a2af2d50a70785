# Built from the repository root (compose.yaml: context ., dockerfile docker/api.Dockerfile).
ARG GO_VERSION=1.22
FROM golang:${GO_VERSION}
WORKDIR /app
COPY services/api/ ./
RUN go build -o /app/api .
ENTRYPOINT ["/app/api"]
