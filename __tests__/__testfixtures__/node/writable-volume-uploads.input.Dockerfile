FROM node:20
WORKDIR /app
COPY . .
RUN npm ci && npm run build
VOLUME /app/uploads
CMD ["node", "dist/index.js"]
