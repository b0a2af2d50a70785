# old app
FROM node:0.12-onbuild
EXPOSE 8080
