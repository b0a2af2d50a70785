FROM node:18-bullseye AS builder
WORKDIR /app
COPY package.json ./
RUN npm install
COPY . .
RUN chown -R node:node /app
USER node
# dev dependencies out: the runtime stage copies node_modules as it is now
USER root
RUN npm prune --omit=dev

FROM node:18-bullseye-slim
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node", "index.js"]
