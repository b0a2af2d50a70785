FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
EXPOSE 8080
CMD /app -port 8080
