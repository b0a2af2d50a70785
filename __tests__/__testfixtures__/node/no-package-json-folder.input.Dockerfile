FROM node:18
WORKDIR /srv/bot
COPY . .
EXPOSE 8080
CMD node bot.js --port 8080
