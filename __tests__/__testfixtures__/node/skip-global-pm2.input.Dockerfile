FROM node:20
RUN npm install -g pm2
WORKDIR /app
COPY . .
RUN npm install
CMD ["pm2-runtime", "ecosystem.config.js"]
