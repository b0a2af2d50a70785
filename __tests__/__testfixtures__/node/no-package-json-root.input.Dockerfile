FROM node:20
COPY server.js .
CMD ["node","server.js"]
