FROM node:8-onbuild
