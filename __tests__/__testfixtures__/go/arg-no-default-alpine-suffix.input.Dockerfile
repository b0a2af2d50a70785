# the version comes from CI
ARG GO_VERSION
ARG ALPINE=3.19
FROM golang:${GO_VERSION}-alpine${ALPINE}
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
