FROM ruby:3.1-bullseye
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install --without development test
COPY . .
USER nobody
CMD ["bundle", "exec", "ruby", "worker.rb"]
