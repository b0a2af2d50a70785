FROM golang:1.22
RUN apt-get update && apt-get install -y --no-install-recommends libpcap-dev gcc libc6-dev
WORKDIR /src
COPY . .
RUN go build -o /sniff .
CMD ["/sniff"]
