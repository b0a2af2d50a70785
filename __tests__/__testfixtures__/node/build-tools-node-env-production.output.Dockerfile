FROM node:20 AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
USER node

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /opt/app
COPY --from=builder /opt/app /opt/app
USER node
CMD node app.js
