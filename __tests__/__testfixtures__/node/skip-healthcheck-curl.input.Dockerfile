FROM node:20
WORKDIR /app
COPY . .
RUN npm install
HEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1
CMD ["node", "server.js"]
