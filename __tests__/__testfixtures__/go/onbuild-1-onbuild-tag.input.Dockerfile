FROM golang:1-onbuild
