FROM node:18
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
COPY deploy/app.conf /etc/myapp/app.conf
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["node", "index.js"]
