from node:20
workdir /home/node/app
copy . .
run npm install
cmd ["npm", "start"]
