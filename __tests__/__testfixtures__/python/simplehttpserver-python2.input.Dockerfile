FROM python:2.7
WORKDIR /usr/src/app
COPY . /usr/src/app
CMD python -m SimpleHTTPServer 8000
