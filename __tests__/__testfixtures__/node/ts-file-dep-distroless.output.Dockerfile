FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm install && npm run build
# dev dependencies out: the runtime stage copies node_modules as it is now
RUN npm prune --omit=dev
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/node_modules /app/node_modules
COPY --from=builder --chown=65532:65532 /app/package.json /app/package.json
COPY --from=builder --chown=65532:65532 /app/dist /app/dist
COPY --from=builder --chown=65532:65532 /app/vendor/greet /app/vendor/greet
COPY --from=builder --chown=65532:65532 /app/views /app/views
CMD ["dist/main.js"]
