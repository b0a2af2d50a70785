FROM python:3.11
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
CMD ["python", "app.py"]
