FROM golang:1.22
ENV GOBIN=/opt/tools/bin
WORKDIR ${GOBIN}
COPY . /src
RUN cd /src && go build -o $GOBIN/app .
CMD ./app -cache $GOPATH/cache
