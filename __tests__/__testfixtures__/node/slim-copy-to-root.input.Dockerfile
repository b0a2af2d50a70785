FROM node:16.13.0-slim
COPY . .
ENTRYPOINT ["npm","run","start"]
