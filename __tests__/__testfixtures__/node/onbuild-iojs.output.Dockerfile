FROM iojs:3.3 AS builder
# ONBUILD triggers of iojs:onbuild, written out
WORKDIR /usr/src/app
COPY package.json /usr/src/app/
RUN npm install
COPY . /usr/src/app

FROM iojs:3.3-slim
WORKDIR /usr/src/app
COPY --from=builder /usr/src/app /usr/src/app
USER 65532:65532
CMD ["node", "app.js"]
