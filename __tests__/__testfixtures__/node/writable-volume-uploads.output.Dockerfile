FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm ci && npm run build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM node:20-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
COPY --from=builder --chown=node:node /.stageify-empty /app/uploads
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
VOLUME /app/uploads
CMD ["node", "dist/index.js"]
