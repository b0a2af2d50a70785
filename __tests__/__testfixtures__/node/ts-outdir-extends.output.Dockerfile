FROM node:20-bookworm AS builder
WORKDIR /srv/api
COPY package*.json ./
RUN npm install
COPY . .
RUN npm run build
ENV NODE_ENV=production
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM node:20-bookworm-slim
COPY --from=builder --chown=node:node /.stageify-empty /srv/api
WORKDIR /srv/api
ENV NODE_ENV=production
COPY --from=builder --chown=node:node /srv/api/node_modules /srv/api/node_modules
COPY --from=builder --chown=node:node /srv/api/package.json /srv/api/package.json
COPY --from=builder --chown=node:node /srv/api/build/out /srv/api/build/out
COPY --from=builder --chown=node:node /srv/api/.env /srv/api/.env
COPY --from=builder --chown=node:node /srv/api/public /srv/api/public
USER node
CMD ["node", "build/out/main.js"]
