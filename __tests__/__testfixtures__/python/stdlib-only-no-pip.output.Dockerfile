FROM python:3.12 AS builder
COPY hello.py /hello.py

FROM python:3.12-slim
COPY --from=builder /hello.py /hello.py
USER 65532:65532
CMD ["python", "/hello.py"]
