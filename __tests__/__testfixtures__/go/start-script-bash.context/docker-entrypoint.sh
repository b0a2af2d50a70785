#!/bin/bash
set -euo pipefail
if [[ -z "${PORT:-}" ]]; then
  export PORT=8080
fi
cd "$(dirname "$0")"
exec ./server --port "$PORT"
