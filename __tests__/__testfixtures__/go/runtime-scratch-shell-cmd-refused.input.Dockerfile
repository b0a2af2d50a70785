FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
ENV PORT=1
CMD /app -port $PORT
