FROM python:3.11
WORKDIR /code
COPY requirements.txt /code/
RUN pip install -r requirements.txt
COPY . /code/
HEALTHCHECK --interval=30s CMD ['python', 'manage.py', 'check']
CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]
