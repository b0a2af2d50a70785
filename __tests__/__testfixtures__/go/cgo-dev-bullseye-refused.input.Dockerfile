FROM golang:1.20-bullseye
RUN apt-get update && apt-get install -y libsqlite3-dev
WORKDIR /src
COPY . .
RUN go build -o /notes .
CMD ["/notes"]
