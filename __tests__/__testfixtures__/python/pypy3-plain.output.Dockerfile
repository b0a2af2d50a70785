FROM pypy:3.10 AS builder
WORKDIR /usr/src/app
COPY requirements.txt ./
RUN pypy3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p /.stageify-empty

FROM pypy:3.10-slim
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=65532:65532 /usr/src/app/your-daemon-or-script.py /usr/src/app/your-daemon-or-script.py
ENV PATH="/opt/venv/bin:$PATH"
USER 65532:65532
CMD [ "pypy3", "./your-daemon-or-script.py" ]
