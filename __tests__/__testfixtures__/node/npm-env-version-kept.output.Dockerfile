FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm install

FROM node:20-slim
WORKDIR /app
COPY --from=builder /app /app
USER node
CMD npm start
