FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
CMD ["index.js", "--port", "8080"]
