FROM iojs:3.3 AS builder
# ONBUILD triggers of iojs:onbuild, written out
WORKDIR /usr/src/app
COPY package.json /usr/src/app/
RUN npm install
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM iojs:3.3-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=65532:65532 /usr/src/app /usr/src/app
USER 65532:65532
CMD ["node", "app.js"]
