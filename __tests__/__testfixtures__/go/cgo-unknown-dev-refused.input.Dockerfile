FROM golang:1.22
RUN apt-get update && apt-get install -y --no-install-recommends libwidget-dev libsqlite3-dev
WORKDIR /src
COPY . .
RUN go build -o /widget .
CMD ["/widget"]
