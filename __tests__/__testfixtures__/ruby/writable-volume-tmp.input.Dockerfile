FROM ruby:3.1
WORKDIR /srv/app
COPY . .
RUN bundle config set deployment true && bundle install
VOLUME ["/srv/app/log", "/srv/app/tmp"]
CMD ["bundle", "exec", "ruby", "main.rb"]
