FROM python:3.11 AS builder
WORKDIR /app
COPY . .
RUN mkdir -p /.stageify-empty

FROM python:3.11-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/README.md /app/README.md
COPY --from=builder --chown=65532:65532 /app/app.py /app/app.py
USER 65532:65532
CMD ["python", "app.py"]
