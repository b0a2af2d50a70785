from node:7 as builder
# ONBUILD triggers of node:7-onbuild, written out
workdir /usr/src/app
arg NODE_ENV
env NODE_ENV $NODE_ENV
copy package.json /usr/src/app/
run npm install && npm cache clean --force
copy . /usr/src/app
env PORT 9000
run mkdir -p /.stageify-empty

from node:7-slim
copy --from=builder --chown=node:node /.stageify-empty /usr/src/app
workdir /usr/src/app
arg NODE_ENV
env NODE_ENV $NODE_ENV
env PORT 9000
copy --from=builder --chown=node:node /usr/src/app /usr/src/app
user node
cmd ["node", "server.js"]
