# Hello service
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build \
    -o /app .

# port
EXPOSE 8080
CMD /app
