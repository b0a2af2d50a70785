FROM node:20-alpine3.19 AS builder
RUN apk add --no-cache python3 make g++
WORKDIR /app
COPY . .
RUN npm ci && npm run build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev

FROM node:20-alpine3.19
WORKDIR /app
COPY --from=builder /app /app
USER node
CMD ["node", "dist/index.js"]
