FROM python:3.6 AS builder
# ONBUILD triggers of python:onbuild, written out
WORKDIR /usr/src/app
COPY requirements.txt /usr/src/app/
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY . /usr/src/app
RUN mkdir -p /.stageify-empty

FROM python:3.6-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /usr/src/app/app.py /usr/src/app/app.py
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
