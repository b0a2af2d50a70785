FROM golang:1.22
WORKDIR /src
COPY . .
RUN cd cmd/server && go build -o /usr/local/bin/server
CMD ["server"]
