FROM golang:1.7-onbuild
EXPOSE 3000
