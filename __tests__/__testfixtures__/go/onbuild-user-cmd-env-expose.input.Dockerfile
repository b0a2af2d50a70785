FROM golang:1.8-onbuild
ENV PORT=8080
EXPOSE 8080
CMD ["app", "-port", "8080"]
