FROM node:18-bullseye
WORKDIR /app
COPY package.json ./
RUN npm install
COPY . .
RUN chown -R node:node /app
USER node
CMD ["node", "index.js"]
