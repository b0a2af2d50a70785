FROM ruby:3.3 AS builder
WORKDIR /app
COPY . .
RUN mkdir -p /.stageify-empty

FROM ruby:3.3-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
CMD ["ruby", "server.rb"]
