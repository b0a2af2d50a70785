ARG NODE_VERSION=20.11.1
FROM node:${NODE_VERSION}
WORKDIR /app
COPY . .
RUN npm ci && npm run build
CMD ["node", "dist/index.js"]
