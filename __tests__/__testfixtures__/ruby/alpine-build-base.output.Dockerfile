FROM ruby:3.2-alpine3.19 AS builder
RUN apk add --no-cache build-base postgresql-dev tzdata
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
RUN mkdir -p /.stageify-empty

FROM ruby:3.2-alpine3.19
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
RUN apk add --no-cache postgresql-dev tzdata
COPY --from=builder /usr/local/bundle /usr/local/bundle
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
CMD ["bundle", "exec", "rackup", "-o", "0.0.0.0"]
