FROM ruby:3.1
WORKDIR /app
COPY . .
RUN bundle install
HEALTHCHECK CMD wget -qO- http://localhost:4567/ || exit 1
CMD ["ruby", "app.rb"]
