ARG NODE_VERSION=20.11.1
FROM node:${NODE_VERSION} AS builder
WORKDIR /app
COPY . .
RUN npm ci && npm run build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM node:${NODE_VERSION}-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "dist/index.js"]
