FROM ruby:3.0
ENV PORT=4567
WORKDIR /usr/src/app
COPY Gemfile Gemfile.lock ./
RUN bundle config --global frozen 1 && bundle install
COPY . .
EXPOSE $PORT
CMD bundle exec ruby app.rb -o 0.0.0.0 -p $PORT
