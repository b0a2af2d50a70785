FROM node:20

WORKDIR /app
ENV PORT=3000

# dependencies first, for the layer cache
COPY package.json package-lock.json ./
RUN npm ci

COPY . .

EXPOSE 3000
HEALTHCHECK --interval=30s CMD ["node", "healthcheck.js"]
CMD ["node", "server.js"]
