FROM ruby:3.1
WORKDIR /srv/adjust
COPY ./src .
CMD ["/bin/sh"]
ENTRYPOINT ruby http_server.rb -b 0.0.0.0 --port 8080
