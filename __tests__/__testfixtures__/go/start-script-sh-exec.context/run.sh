#!/bin/sh
set -e
# start the server
echo "starting on ${PORT:-8080}"
exec ./server "$@"
