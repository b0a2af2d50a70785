FROM docker.io/library/golang:1.7-onbuild
