FROM node:8 AS builder
# ONBUILD triggers of node:8-onbuild, written out
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
COPY package.json /usr/src/app/
RUN npm install && npm cache clean --force
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM node:8-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
USER node
CMD ["node", "server.js"]
