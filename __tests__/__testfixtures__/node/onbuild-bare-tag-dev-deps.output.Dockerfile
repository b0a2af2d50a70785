# legacy service
FROM node:8 AS builder
# ONBUILD triggers of node:onbuild, written out
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
COPY package.json /usr/src/app/
RUN npm install && npm cache clean --force
COPY . /usr/src/app
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --production
RUN mkdir -p /.stageify-empty

FROM node:8-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
USER node
EXPOSE 3000
CMD ["node", "index.js"]
