FROM python:3.12
COPY hello.py /hello.py
CMD ["python", "/hello.py"]
