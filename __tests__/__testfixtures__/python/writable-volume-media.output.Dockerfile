FROM python:3.11 AS builder
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /code
COPY requirements.txt /code/
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt
COPY . /code/
RUN mkdir -p /.stageify-empty

FROM python:3.11-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /code
COPY --from=builder --chown=65532:65532 /.stageify-empty /code/media
WORKDIR /code
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /code/manage.py /code/manage.py
COPY --from=builder --chown=65532:65532 /code/mysite /code/mysite
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
VOLUME /code/media
CMD ["gunicorn", "mysite.wsgi"]
