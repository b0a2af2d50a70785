FROM node:20 AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build
RUN mkdir -p /.stageify-empty

FROM node:20-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "dist/index.js"]
