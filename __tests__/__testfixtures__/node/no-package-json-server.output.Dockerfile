FROM node:20 AS builder
WORKDIR /app
COPY server.js .
RUN mkdir -p /.stageify-empty

FROM node:20-slim
COPY --from=builder --chown=node:node /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=node:node /app /app
USER node
CMD ["node","server.js"]
