FROM python:3.11-windowsservercore-ltsc2022
COPY app.py C:/app/app.py
CMD ["python", "C:/app/app.py"]
