FROM node:20-alpine3.19
RUN apk add --no-cache python3 make g++
WORKDIR /app
COPY . .
RUN ["npm" "ci"]
RUN npm run build
CMD ["node", "dist/index.js"]
