FROM python:3.11
WORKDIR /app
COPY app.py .
CMD ["bash"]
ENTRYPOINT python app.py --port 8000
