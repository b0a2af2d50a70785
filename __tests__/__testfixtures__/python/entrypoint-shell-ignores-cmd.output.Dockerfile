FROM python:3.11 AS builder
WORKDIR /app
COPY app.py .
RUN mkdir -p /.stageify-empty

FROM python:3.11-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
CMD ["bash"]
ENTRYPOINT python app.py --port 8000
