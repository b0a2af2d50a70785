FROM ruby:3.1 AS builder
WORKDIR /srv/adjust
COPY ./src .
RUN mkdir -p /.stageify-empty

FROM ruby:3.1-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv/adjust
WORKDIR /srv/adjust
COPY --from=builder --chown=65532:65532 /srv/adjust /srv/adjust
USER 65532:65532
CMD ["/bin/sh"]
ENTRYPOINT ruby http_server.rb -b 0.0.0.0 --port 8080
