FROM ruby:3.1 AS builder
WORKDIR /app
COPY . .
RUN bundle install
RUN mkdir -p /.stageify-empty

FROM ruby:3.1-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /app/Gemfile /app/Gemfile
COPY --from=builder --chown=65532:65532 /app/Gemfile.lock /app/Gemfile.lock
COPY --from=builder --chown=65532:65532 /app/app.rb /app/app.rb
USER 65532:65532
HEALTHCHECK CMD wget -qO- http://localhost:4567/ || exit 1
CMD ["ruby", "app.rb"]
