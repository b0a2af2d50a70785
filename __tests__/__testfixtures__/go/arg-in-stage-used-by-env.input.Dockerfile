FROM golang:1.22
ARG APP_ENV=production
ENV APP_ENV=${APP_ENV}
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
