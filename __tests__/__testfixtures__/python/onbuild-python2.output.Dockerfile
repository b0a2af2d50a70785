# legacy service
FROM python:2.7 AS builder
# ONBUILD triggers of python:2.7-onbuild, written out
WORKDIR /usr/src/app
COPY requirements.txt /usr/src/app/
ENV PYTHONUSERBASE=/opt/python-packages PIP_USER=1 PATH="/opt/python-packages/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY . /usr/src/app
ENV MODE=prod
RUN mkdir -p /.stageify-empty

FROM python:2.7-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
ENV MODE=prod
COPY --from=builder /opt/python-packages /opt/python-packages
COPY --from=builder --chown=65532:65532 /usr/src/app/app.py /usr/src/app/app.py
ENV PYTHONUSERBASE=/opt/python-packages PATH="/opt/python-packages/bin:$PATH"
USER 65532:65532
CMD ["python", "app.py"]
