FROM node:20
WORKDIR /app
ONBUILD COPY . /app
ONBUILD RUN npm ci
CMD ["npm", "start"]
