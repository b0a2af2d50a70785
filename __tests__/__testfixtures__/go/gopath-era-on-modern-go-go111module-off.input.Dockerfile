FROM golang:1.22
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/legacy
COPY . .
RUN go install
CMD ["legacy"]
