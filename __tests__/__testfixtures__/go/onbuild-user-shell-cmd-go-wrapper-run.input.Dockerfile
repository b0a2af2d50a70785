FROM golang:1.8-onbuild
# start with verbose logging
CMD go-wrapper run -v
