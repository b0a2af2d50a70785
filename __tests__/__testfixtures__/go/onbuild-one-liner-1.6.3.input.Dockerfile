FROM golang:1.6.3-onbuild
