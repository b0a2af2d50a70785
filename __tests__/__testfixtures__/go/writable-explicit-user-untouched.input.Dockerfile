FROM golang:1.21
WORKDIR /srv/certsrv
COPY . .
RUN go build -o certsrv .
VOLUME /data
USER 1000
CMD ["./certsrv"]
