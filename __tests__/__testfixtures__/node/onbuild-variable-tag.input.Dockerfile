ARG NODE_TAG=8-onbuild
FROM node:${NODE_TAG}
