FROM node:20 AS builder

WORKDIR /app
ENV PORT=3000

# dependencies first, for the layer cache
COPY package.json package-lock.json ./
RUN npm ci

COPY . .
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM node:20-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
ENV PORT=3000
COPY --from=builder --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s CMD ["node", "healthcheck.js"]
CMD ["node", "server.js"]
