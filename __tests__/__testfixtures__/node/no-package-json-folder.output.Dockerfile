FROM node:18 AS builder
WORKDIR /srv/bot
COPY . .
RUN mkdir -p /.stageify-empty

FROM node:18-slim
COPY --from=builder --chown=node:node /.stageify-empty /srv/bot
WORKDIR /srv/bot
COPY --from=builder --chown=node:node /srv/bot /srv/bot
USER node
EXPOSE 8080
CMD node bot.js --port 8080
