FROM golang:1.22
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY . .
RUN go build -o server .
CMD ["./server"]
