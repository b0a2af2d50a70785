#!/bin/sh
set -e
# Prepare a folder, say what runs, then hand over to the server with the CMD's arguments.
mkdir -p /tmp/greeter
echo "ok" > /tmp/greeter/ready
export GREET_MODE="${GREET_MODE:-script}"
echo "run.sh: starting with $# arguments"
exec /app/server "$@"
