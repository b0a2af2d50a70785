FROM ruby:2.4-onbuild
CMD ["ruby", "app.rb"]
