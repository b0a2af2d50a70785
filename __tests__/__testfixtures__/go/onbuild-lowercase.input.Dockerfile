from golang:1.8-onbuild
expose 8080
