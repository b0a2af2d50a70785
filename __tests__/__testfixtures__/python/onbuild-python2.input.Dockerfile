# legacy service
FROM python:2.7-onbuild
ENV MODE=prod
CMD ["python", "app.py"]
