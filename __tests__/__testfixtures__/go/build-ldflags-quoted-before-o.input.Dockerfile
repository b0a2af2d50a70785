FROM golang:1.22
ARG VERSION=dev
WORKDIR /src
COPY . .
RUN go build -ldflags "-s -w -X main.version=${VERSION}" -o /usr/bin/hello .
CMD ["hello"]
