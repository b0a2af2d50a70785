FROM node:20-alpine3.19 AS builder
RUN apk add --no-cache python3 make g++
WORKDIR /app
COPY . .
RUN npm ci && npm run build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM node:20-alpine3.19
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "dist/index.js"]
