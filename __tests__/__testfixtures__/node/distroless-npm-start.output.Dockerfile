FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm ci --omit=dev

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
COPY --from=builder /app /app
CMD ["index.js", "--port", "8080"]
