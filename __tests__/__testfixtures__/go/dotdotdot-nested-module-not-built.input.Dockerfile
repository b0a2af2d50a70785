FROM golang:1.22
WORKDIR /src
COPY . .
# ./... stays in the module at /src: tools/ is a module of its own
RUN go install ./...
CMD ["lint"]
