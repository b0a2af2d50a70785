#!/bin/sh
exec java -jar target/svc-1.0.jar
