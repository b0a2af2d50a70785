from node:20 as builder
workdir /home/node/app
copy . .
run npm install
# dev dependencies out: the runtime stage copies node_modules as it is now
run npm prune --omit=dev
run mkdir -p /.stageify-empty

from node:20-slim
copy --from=builder --chown=node:node /.stageify-empty /home/node/app
workdir /home/node/app
copy --from=builder --chown=node:node /home/node/app /home/node/app
user node
cmd ["npm", "start"]
