FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
HEALTHCHECK --interval=30s --timeout=3s CMD /app -healthcheck
CMD ["/app"]
