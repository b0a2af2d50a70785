FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /bin/server ./cmd/server && go build -o /bin/worker ./cmd/worker
USER 1001
CMD ["server"]
