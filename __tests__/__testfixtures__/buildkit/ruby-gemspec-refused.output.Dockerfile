FROM ruby:3.2 AS builder
WORKDIR /app
COPY . .
RUN bundle install
RUN mkdir -p /.stageify-empty

FROM ruby:3.2-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
CMD ["ruby", "app.rb"]
