FROM ruby:onbuild
