FROM golang:1.22-alpine3.19
RUN apk add --no-cache gcc musl-dev sqlite-dev
WORKDIR /src
COPY . .
RUN go build -o /notes .
ENTRYPOINT ["/notes"]
