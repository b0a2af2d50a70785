FROM ruby:3.3
WORKDIR /site
COPY . .
EXPOSE 8080
CMD ["ruby", "-run", "-e", "httpd", ".", "-p", "8080"]
