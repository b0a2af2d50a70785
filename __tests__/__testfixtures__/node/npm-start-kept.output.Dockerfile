from node:20 as builder
workdir /home/node/app
copy . .
run npm install
# dev dependencies out: the runtime stage copies node_modules as it is now
run npm prune --omit=dev

from node:20-slim
workdir /home/node/app
copy --from=builder /home/node/app /home/node/app
user node
cmd ["npm", "start"]
