FROM ruby:3.2.2-bookworm
ENV RAILS_ENV=production \
    BUNDLE_JOBS=4
RUN apt-get update -qq && apt-get install -y --no-install-recommends nodejs build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /rails
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
RUN SECRET_KEY_BASE_DUMMY=1 bundle exec rake assets:precompile
EXPOSE 3000
CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]
