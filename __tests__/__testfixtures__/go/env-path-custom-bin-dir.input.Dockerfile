FROM golang:1.22
ENV PATH=/app/bin:$PATH
WORKDIR /src
COPY . .
RUN go build -o /app/bin/server .
CMD ["server"]
