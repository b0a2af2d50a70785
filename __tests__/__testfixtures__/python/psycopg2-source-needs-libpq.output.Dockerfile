FROM python:3.9-bookworm AS builder
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt
COPY . .
RUN mkdir -p /.stageify-empty

FROM python:3.9-slim-bookworm
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /app/app /app/app
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
CMD ["python", "-m", "app"]
