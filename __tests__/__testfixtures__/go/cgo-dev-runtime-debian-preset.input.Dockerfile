FROM golang:1.22
RUN apt-get update && apt-get install -y libpq-dev libsqlite3-dev
WORKDIR /src
COPY . .
RUN go build -o /notes .
USER nobody
CMD ["/notes"]
