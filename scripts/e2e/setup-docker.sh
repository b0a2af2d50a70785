#!/usr/bin/env bash
# Real-build test tier: make sure a Docker daemon answers on this machine.
#
# Idempotent. As root it installs (apt-get, only what is missing) docker.io, debootstrap,
# busybox-static and the few tools standins.sh needs, starts dockerd detached with no bridge and
# no iptables (there is no network here except the Debian mirror), and waits for `docker info`.
# Nothing is ever pulled from a registry.
#
# Prints, as its last line, `DOCKER=<client>`: the docker client binary that works with the daemon
# (the machine's /usr/local/bin/docker 28.x if it does, else docker.io's /usr/bin/docker 20.10).
#
# Env: STAGEIFY_E2E_DOCKER_TIMEOUT  seconds to wait for the daemon (default 60)
#      STAGEIFY_E2E_DATA_ROOT       dockerd --data-root (default: dockerd's own default)
set -euo pipefail

log() { printf '[setup-docker] %s\n' "$*" >&2; }
die() { printf '[setup-docker] ERROR: %s\n' "$*" >&2; exit 1; }

TIMEOUT="${STAGEIFY_E2E_DOCKER_TIMEOUT:-60}"
PACKAGES=(docker.io debootstrap busybox-static python3 ca-certificates)

# --- 1. packages -------------------------------------------------------------------------------
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || die "packages missing (${missing[*]}) and not root: run as root or install them"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  log "packages present: ${PACKAGES[*]}"
fi

# --- 2. choose a client ------------------------------------------------------------------------
# A client "works" when `docker info` reaches the daemon through it.
client_works() { "$1" info >/dev/null 2>&1; }

pick_client() {
  local c
  for c in "$(command -v docker 2>/dev/null || true)" /usr/bin/docker; do
    [[ -n "$c" && -x "$c" ]] || continue
    if client_works "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

# --- 3. daemon ---------------------------------------------------------------------------------
if CLIENT=$(pick_client); then
  log "daemon already answering"
else
  [[ $(id -u) -eq 0 ]] || die "no Docker daemon answers and not root: cannot start dockerd"
  command -v dockerd >/dev/null || die "dockerd not found after installing docker.io"
  if pgrep -x dockerd >/dev/null 2>&1; then
    # Someone else's daemon is starting (or wedged): do not start a second one, just wait.
    log "a dockerd process exists but does not answer yet; waiting for it"
  else
    extra=()
    [[ -n "${STAGEIFY_E2E_DATA_ROOT:-}" ]] && extra+=(--data-root "$STAGEIFY_E2E_DATA_ROOT")
    # A stale pid file from a dead daemon blocks startup.
    if [[ -f /var/run/docker.pid ]] && ! kill -0 "$(cat /var/run/docker.pid 2>/dev/null)" 2>/dev/null; then
      rm -f /var/run/docker.pid
    fi
    log "starting dockerd (log: /tmp/dockerd.log)"
    setsid dockerd --bridge=none --iptables=false --ip6tables=false "${extra[@]}" >/tmp/dockerd.log 2>&1 &
    DOCKERD_PID=$!
    log "dockerd pid $DOCKERD_PID"
  fi
  deadline=$((SECONDS + TIMEOUT))
  until CLIENT=$(pick_client); do
    if [[ -n "${DOCKERD_PID:-}" ]] && ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
      tail -n 30 /tmp/dockerd.log >&2 || true
      die "dockerd (pid $DOCKERD_PID) exited; see /tmp/dockerd.log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 /tmp/dockerd.log >&2 || true
      die "docker daemon did not answer 'docker info' within ${TIMEOUT}s; see /tmp/dockerd.log"
    fi
    sleep 1
  done
fi

ver=$("$CLIENT" version --format '{{.Client.Version}} / daemon {{.Server.Version}}' 2>/dev/null || echo '?')
log "using client $CLIENT ($ver)"
echo "DOCKER=$CLIENT"
