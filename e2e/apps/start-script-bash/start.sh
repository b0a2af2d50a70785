#!/bin/bash
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p /tmp/greeter
echo "ok" > /tmp/greeter/ready
if [[ -z "${GREET_MODE:-}" ]]; then
  export GREET_MODE=bash
fi
echo "start.sh: bash ${BASH_VERSINFO[0]} in $(pwd)"
exec ./server "$@"
