FROM node:18 AS builder
WORKDIR /usr/src/app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
COPY . .
RUN yarn build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN yarn install --production --prefer-offline
RUN mkdir -p /.stageify-empty

FROM node:18-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
USER node
CMD ["node", "dist/server.js"]
