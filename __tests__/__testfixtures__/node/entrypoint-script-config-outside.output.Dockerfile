FROM node:18 AS builder
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
COPY deploy/app.conf /etc/myapp/app.conf
RUN mkdir -p /.stageify-empty

FROM node:18-slim
COPY --from=builder --chown=node:node /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=node:node /usr/src/app /usr/src/app
COPY --from=builder /etc/myapp/app.conf /etc/myapp/app.conf
USER node
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["node", "index.js"]
