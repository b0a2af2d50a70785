FROM python:3.12-bookworm
WORKDIR /app
COPY . .
CMD ["python3", "-m", "http.server", "8080", "--directory", "public"]
