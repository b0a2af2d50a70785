FROM golang:1.22-bookworm
RUN apt-get update && apt-get install -y libsqlite3-dev
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/notes .
CMD ["notes"]
