FROM node:20
WORKDIR /app
COPY server.js .
CMD ["node","server.js"]
