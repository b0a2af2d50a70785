FROM python:3.11 AS builder
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN mkdir -p /.stageify-empty

FROM python:3.11-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /app/app.py /app/app.py
COPY --from=builder --chown=65532:65532 /app/templates /app/templates
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
