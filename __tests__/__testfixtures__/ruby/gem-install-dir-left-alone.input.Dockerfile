FROM ruby:3.1
RUN gem install --install-dir /gems sinatra
COPY app.rb /app.rb
CMD ["ruby", "/app.rb"]
