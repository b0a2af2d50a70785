FROM node:lts
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "index.js"]
