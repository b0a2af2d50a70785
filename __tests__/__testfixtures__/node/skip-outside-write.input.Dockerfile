FROM node:20
WORKDIR /app
COPY . .
RUN npm ci && mkdir -p /var/lib/app-data && node scripts/seed.js /var/lib/app-data
CMD ["node", "server.js"]
