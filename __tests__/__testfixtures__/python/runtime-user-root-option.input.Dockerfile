FROM python:3.11
WORKDIR /app
COPY . .
RUN pip install .
ENTRYPOINT ["mytool"]
CMD ["--help"]
