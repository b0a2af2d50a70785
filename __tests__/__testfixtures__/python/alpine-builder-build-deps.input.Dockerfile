FROM python:3.11-alpine3.19
RUN apk add --no-cache gcc musl-dev postgresql-dev
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "-m", "worker"]
