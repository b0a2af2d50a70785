FROM python:3.11
WORKDIR /app
COPY . .
RUN pip install --user -r requirements.txt
CMD ["python", "app.py"]
