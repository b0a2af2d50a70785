FROM python:3.11-alpine3.19 AS builder
RUN apk add --no-cache gcc musl-dev postgresql-dev
WORKDIR /app
COPY . .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
RUN mkdir -p /.stageify-empty

FROM python:3.11-alpine3.19
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
RUN apk add --no-cache postgresql-dev
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /app/worker /app/worker
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
CMD ["python", "-m", "worker"]
