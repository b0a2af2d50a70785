FROM ruby:3.0 AS builder
ENV PORT=4567
WORKDIR /usr/src/app
COPY Gemfile Gemfile.lock ./
RUN bundle config --global frozen 1 && bundle install
COPY . .
RUN mkdir -p /.stageify-empty

FROM ruby:3.0-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
ENV PORT=4567
WORKDIR /usr/src/app
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile /usr/src/app/Gemfile
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile.lock /usr/src/app/Gemfile.lock
COPY --from=builder --chown=65532:65532 /usr/src/app/app.rb /usr/src/app/app.rb
ENV BUNDLE_FROZEN=1
USER 65532:65532
EXPOSE $PORT
CMD bundle exec ruby app.rb -o 0.0.0.0 -p $PORT
