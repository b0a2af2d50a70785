FROM python:3.11 AS builder
WORKDIR /app
COPY . .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN mkdir -p /.stageify-empty

FROM python:3.11-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /app/worker /app/worker
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
CMD ["python", "-m", "worker"]
