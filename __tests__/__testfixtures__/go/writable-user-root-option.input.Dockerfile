FROM golang:1.21
WORKDIR /srv/certsrv
COPY . .
RUN go build -o certsrv .
VOLUME /data
CMD ["./certsrv"]
