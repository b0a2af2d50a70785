# old app
FROM node:0.12 AS builder
# ONBUILD triggers of node:0.12-onbuild, written out
WORKDIR /usr/src/app
COPY package.json /usr/src/app/
RUN npm install
COPY . /usr/src/app
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --production
RUN mkdir -p /.stageify-empty

FROM node:0.12-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
USER node
EXPOSE 8080
CMD ["node", "app.js"]
