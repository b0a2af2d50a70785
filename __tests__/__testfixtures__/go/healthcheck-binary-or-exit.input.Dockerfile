FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK CMD /app -healthcheck || exit 1
CMD ["/app"]
