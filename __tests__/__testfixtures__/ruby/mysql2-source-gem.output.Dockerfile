FROM ruby:3.1-bullseye AS builder
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install --without development test
COPY . .
USER nobody

FROM ruby:3.1-slim-bullseye
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends libmariadb3 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder /app /app
USER nobody
CMD ["bundle", "exec", "ruby", "worker.rb"]
