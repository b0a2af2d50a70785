FROM docker.io/library/node:6.11 AS builder
# ONBUILD triggers of docker.io/library/node:6.11-onbuild@sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c, written out
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
COPY package.json /usr/src/app/
RUN npm install && npm cache clean --force
COPY . /usr/src/app
ENV PORT=8080
RUN mkdir -p /.stageify-empty

FROM docker.io/library/node:6.11-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
ARG NODE_ENV
ENV NODE_ENV $NODE_ENV
ENV PORT=8080
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
USER node
CMD node worker.js --queue jobs
