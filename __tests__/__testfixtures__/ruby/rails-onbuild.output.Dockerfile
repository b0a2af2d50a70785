FROM ruby:2.3 AS builder
# ONBUILD triggers of rails:onbuild, written out
RUN bundle config --global frozen 1
RUN apt-get update && apt-get install -y nodejs --no-install-recommends && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y mysql-client postgresql-client sqlite3 --no-install-recommends && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY Gemfile /usr/src/app/
COPY Gemfile.lock /usr/src/app/
RUN bundle install
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM ruby:2.3-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
RUN apt-get update && apt-get install -y --no-install-recommends nodejs mysql-client postgresql-client sqlite3 libpq5 libsqlite3-0 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile /usr/src/app/Gemfile
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile.lock /usr/src/app/Gemfile.lock
COPY --from=builder --chown=65532:65532 /usr/src/app/app /usr/src/app/app
COPY --from=builder --chown=65532:65532 /usr/src/app/bin /usr/src/app/bin
COPY --from=builder --chown=65532:65532 /usr/src/app/config /usr/src/app/config
COPY --from=builder --chown=65532:65532 /usr/src/app/config.ru /usr/src/app/config.ru
COPY --from=builder --chown=65532:65532 /usr/src/app/log /usr/src/app/log
COPY --from=builder --chown=65532:65532 /usr/src/app/tmp /usr/src/app/tmp
ENV BUNDLE_FROZEN=1
USER 65532:65532
EXPOSE 3000
CMD ["rails", "server", "-b", "0.0.0.0"]
