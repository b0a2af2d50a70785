FROM golang:1.8-onbuild
