FROM ruby:3.3 AS builder
WORKDIR /site
COPY . .
RUN mkdir -p /.stageify-empty

FROM ruby:3.3-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /site
WORKDIR /site
COPY --from=builder --chown=65532:65532 /site /site
USER 65532:65532
EXPOSE 8080
CMD ["ruby", "-run", "-e", "httpd", ".", "-p", "8080"]
