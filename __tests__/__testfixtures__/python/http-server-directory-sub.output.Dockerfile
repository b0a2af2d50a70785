FROM python:3.12-bookworm AS builder
WORKDIR /app
COPY . .
RUN mkdir -p /.stageify-empty

FROM python:3.12-slim-bookworm
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/public /app/public
USER 65532:65532
CMD ["python3", "-m", "http.server", "8080", "--directory", "public"]
