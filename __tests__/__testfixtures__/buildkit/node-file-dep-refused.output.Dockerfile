FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci && npm run build
RUN mkdir -p /.stageify-empty

FROM node:20-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "dist/index.js"]
