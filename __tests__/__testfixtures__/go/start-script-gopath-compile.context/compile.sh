#!/bin/bash
cd /go/src/gateway
go build -o /go/bin/gateway
cd /go/bin
./gateway
