FROM python:3.10-bullseye
RUN useradd --create-home app
WORKDIR /home/app/web
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN chown -R app:app /home/app/web
USER app
CMD ["python", "server.py"]
