FROM golang:1.21
WORKDIR /src
COPY . .
RUN go install ./cmd/...
CMD ["sup"]
