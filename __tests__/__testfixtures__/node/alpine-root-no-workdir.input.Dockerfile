FROM node:alpine3.11
RUN mkdir -p /usr/src/app
COPY index.js /usr/src/app
CMD ["node","/usr/src/app/index"]
