FROM python:3.10-bullseye AS builder
RUN useradd --create-home app
WORKDIR /home/app/web
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt
COPY . .
RUN chown -R app:app /home/app/web
USER app

FROM python:3.10-slim-bullseye
WORKDIR /home/app/web
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=app:app /home/app/web/server.py /home/app/web/server.py
COPY --from=builder --chown=app:app /home/app/web/static /home/app/web/static
RUN chown app:app /home/app/web
ENV PATH="/opt/venv/bin:$PATH"
USER app
CMD ["python", "server.py"]
