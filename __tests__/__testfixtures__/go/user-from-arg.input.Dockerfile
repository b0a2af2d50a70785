FROM golang:1.22
ARG UID=10001
RUN adduser --disabled-password --uid ${UID} app
WORKDIR /src
COPY . .
RUN go build -o /app .
USER ${UID}
CMD ["/app"]
