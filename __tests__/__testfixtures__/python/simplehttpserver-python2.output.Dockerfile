FROM python:2.7 AS builder
WORKDIR /usr/src/app
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM python:2.7-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=65532:65532 /usr/src/app /usr/src/app
USER 65532:65532
CMD python -m SimpleHTTPServer 8000
