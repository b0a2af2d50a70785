FROM node:22-bookworm AS builder
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile
COPY . .
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN pnpm prune --prod
RUN mkdir -p /.stageify-empty

FROM node:22-bookworm-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "src/index.js"]
