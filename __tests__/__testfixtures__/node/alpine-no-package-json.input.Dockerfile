FROM node:18-alpine
WORKDIR /app
COPY app.js .
CMD ["node","app.js"]
