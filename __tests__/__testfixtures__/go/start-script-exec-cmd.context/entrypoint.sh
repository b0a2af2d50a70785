#!/bin/sh -e
if [ "${1#-}" != "$1" ]; then
  set -- server "$@"
fi
exec "$@"
