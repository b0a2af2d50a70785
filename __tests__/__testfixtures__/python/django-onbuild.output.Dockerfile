FROM python:3.4 AS builder
# ONBUILD triggers of django:onbuild, written out
RUN apt-get update && apt-get install -y gcc gettext mysql-client libmysqlclient-dev postgresql-client libpq-dev sqlite3 --no-install-recommends && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY requirements.txt /usr/src/app/
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM python:3.4-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
RUN apt-get update && apt-get install -y --no-install-recommends gettext mysql-client libmysqlclient-dev postgresql-client libpq-dev sqlite3 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /usr/src/app/manage.py /usr/src/app/manage.py
COPY --from=builder --chown=65532:65532 /usr/src/app/mysite /usr/src/app/mysite
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
EXPOSE 8000
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
