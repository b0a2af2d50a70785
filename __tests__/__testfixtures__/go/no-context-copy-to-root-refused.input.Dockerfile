FROM golang:1.22
COPY . /
RUN go install ./...
CMD ["app"]
