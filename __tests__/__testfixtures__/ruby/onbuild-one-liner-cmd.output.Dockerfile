FROM ruby:2.4 AS builder
# ONBUILD triggers of ruby:2.4-onbuild, written out
RUN bundle config --global frozen 1
WORKDIR /usr/src/app
COPY Gemfile /usr/src/app/
COPY Gemfile.lock /usr/src/app/
RUN bundle install
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM ruby:2.4-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile /usr/src/app/Gemfile
COPY --from=builder --chown=65532:65532 /usr/src/app/Gemfile.lock /usr/src/app/Gemfile.lock
COPY --from=builder --chown=65532:65532 /usr/src/app/app.rb /usr/src/app/app.rb
ENV BUNDLE_FROZEN=1
USER 65532:65532
CMD ["ruby", "app.rb"]
