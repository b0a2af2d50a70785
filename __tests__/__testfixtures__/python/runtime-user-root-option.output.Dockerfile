FROM python:3.11 AS builder
WORKDIR /app
COPY . .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install .

FROM python:3.11-slim
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app/mytool /app/mytool
COPY --from=builder /app/pyproject.toml /app/pyproject.toml
ENV PATH="/opt/venv/bin:$PATH"
ENTRYPOINT ["mytool"]
CMD ["--help"]
