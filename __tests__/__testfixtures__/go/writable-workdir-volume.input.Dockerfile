FROM golang:1.21
WORKDIR /srv/certsrv
COPY . .
RUN go build -o certsrv .
VOLUME ["/srv/certsrv/certs", "/var/lib/certsrv"]
EXPOSE 8443
CMD ["./certsrv", "-config", "conf/app.yaml"]
