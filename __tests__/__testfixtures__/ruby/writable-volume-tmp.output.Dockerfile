FROM ruby:3.1 AS builder
WORKDIR /srv/app
COPY . .
RUN bundle config set deployment true && bundle install
RUN mkdir -p /.stageify-empty

FROM ruby:3.1-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/app
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/app/log
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/app/tmp
WORKDIR /srv/app
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /srv/app /srv/app
ENV BUNDLE_DEPLOYMENT=true
USER 65532:65532
VOLUME ["/srv/app/log", "/srv/app/tmp"]
CMD ["bundle", "exec", "ruby", "main.rb"]
