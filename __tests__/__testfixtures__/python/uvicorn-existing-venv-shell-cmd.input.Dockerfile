FROM python:3.12-bookworm
RUN python -m venv /venv
ENV PATH="/venv/bin:$PATH"
WORKDIR /srv
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY main.py ./
CMD uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}
