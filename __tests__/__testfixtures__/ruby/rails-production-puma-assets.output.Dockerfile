FROM ruby:3.2.2-bookworm AS builder
ENV RAILS_ENV=production \
    BUNDLE_JOBS=4
RUN apt-get update -qq && apt-get install -y --no-install-recommends nodejs build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /rails
COPY Gemfile Gemfile.lock ./
ENV BUNDLE_WITHOUT=development:test
RUN bundle install
COPY . .
RUN SECRET_KEY_BASE_DUMMY=1 bundle exec rake assets:precompile
RUN mkdir -p /.stageify-empty

FROM ruby:3.2.2-slim-bookworm
COPY --from=builder --chown=65532:65532 /.stageify-empty /rails
ENV RAILS_ENV=production \
    BUNDLE_JOBS=4
WORKDIR /rails
RUN apt-get update && apt-get install -y --no-install-recommends nodejs libpq-dev && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /rails /rails
ENV BUNDLE_WITHOUT=development:test
USER 65532:65532
EXPOSE 3000
CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]
