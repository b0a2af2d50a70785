# legacy service
FROM node:onbuild
EXPOSE 3000
