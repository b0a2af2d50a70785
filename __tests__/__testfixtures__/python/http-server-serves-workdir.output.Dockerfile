FROM python:3.12 AS builder
WORKDIR /app
COPY . .
RUN mkdir -p /.stageify-empty

FROM python:3.12-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
EXPOSE 8080
CMD ["python3", "-m", "http.server", "8080"]
