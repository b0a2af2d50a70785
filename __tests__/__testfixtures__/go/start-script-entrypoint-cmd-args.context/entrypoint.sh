#!/usr/bin/env sh
set -e
mkdir -p /tmp/cache
exec /app/server "$@"
