FROM golang:1.8-onbuild
EXPOSE 8080
