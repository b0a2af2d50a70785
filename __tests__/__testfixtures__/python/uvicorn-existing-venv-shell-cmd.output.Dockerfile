FROM python:3.12-bookworm AS builder
RUN python -m venv /venv
ENV PATH="/venv/bin:$PATH"
WORKDIR /srv
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY main.py ./
RUN mkdir -p /.stageify-empty

FROM python:3.12-slim-bookworm
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv
ENV PATH="/venv/bin:$PATH"
WORKDIR /srv
COPY --from=builder /venv /venv
COPY --from=builder /srv/main.py /srv/main.py
USER 65532:65532
CMD uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}
