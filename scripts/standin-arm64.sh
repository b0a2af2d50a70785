#!/usr/bin/env bash
# An arm64 Go builder stand-in for scripts/bench-arm64.js: Debian 12's golang-go for arm64, built
# from Debian packages under qemu user emulation and loaded as stageify-arm64/golang:1.19
# (architecture arm64). Nothing is pulled from a registry.
#
# Needs root, debootstrap, and qemu-user-static with the aarch64 handler registered in binfmt_misc
# with the F flag (Debian's qemu-user-static registers it so; the F flag makes it work in a chroot
# and in containers). Each step is skipped when already done, so an interrupted run can resume.
# On the 2-core machine the second stage took about 4 min and installing golang-go 3.5 min.
#
# Usage: scripts/standin-arm64.sh
# Env:   ARM64_ROOTFS  where the root filesystem is built (default /var/cache/stageify-e2e/arm64-rootfs)
#        DOCKER        docker client (default /usr/bin/docker when present)
set -euo pipefail

IMAGE=stageify-arm64/golang:1.19
SUITE=bookworm
DIR="${ARM64_ROOTFS:-/var/cache/stageify-e2e/arm64-rootfs}"
DOCKER="${DOCKER:-$( [[ -x /usr/bin/docker ]] && echo /usr/bin/docker || echo docker )}"
HANDLER=/proc/sys/fs/binfmt_misc/qemu-aarch64

log() { printf '[standin-arm64] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
[[ -r $HANDLER ]] || die "no aarch64 handler in binfmt_misc (apt-get install qemu-user-static; binfmt_misc mounted?)"
grep -qx enabled "$HANDLER" || die "the aarch64 binfmt handler is disabled"
grep -q '^flags:.*F' "$HANDLER" || die "the aarch64 binfmt handler lacks the F flag (needed in a chroot)"

if "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE exists ($("$DOCKER" image inspect -f '{{.Architecture}}' "$IMAGE"))"; exit 0
fi

mirror() {
  local f=/etc/apt/sources.list.d/debian.sources uri=""
  [[ -f $f ]] && uri="$(awk '/^URIs:/{print $2; exit}' "$f")"
  [[ -n $uri ]] || die "cannot read the apt mirror from $f (URIs:)"
  echo "$uri"
}

MOUNTS=()
cleanup() { local m; for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
chroot_mount() {
  mount -t proc proc "$DIR/proc" && MOUNTS=("$DIR/proc" "${MOUNTS[@]}")
  mount --rbind /dev "$DIR/dev" && mount --make-rslave "$DIR/dev" && MOUNTS=("$DIR/dev" "${MOUNTS[@]}")
}
timed() { local t=$SECONDS; "$@"; log "  took $((SECONDS - t)) s"; }

if [[ ! -e $DIR/debootstrap/debootstrap && ! -x $DIR/usr/bin/apt-get ]]; then
  log "debootstrap --foreign --arch=arm64 --variant=minbase $SUITE (mirror from apt sources)"
  mkdir -p "$DIR"
  timed debootstrap --arch=arm64 --variant=minbase --foreign "$SUITE" "$DIR" "$(mirror)" >/dev/null
fi
if [[ -e $DIR/debootstrap/debootstrap ]]; then
  log "second stage under emulation"
  timed chroot "$DIR" /debootstrap/debootstrap --second-stage >/dev/null
fi
if [[ ! -x $DIR/usr/bin/go ]]; then
  log "apt-get install golang-go ca-certificates under emulation"
  cp /etc/resolv.conf "$DIR/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$DIR/usr/sbin/policy-rc.d"; chmod 755 "$DIR/usr/sbin/policy-rc.d"
  # The mirror may be a dated snapshot: do not reject its Release file as expired.
  printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$DIR/etc/apt/apt.conf.d/99stageify-arm64"
  chroot_mount
  timed chroot "$DIR" env DEBIAN_FRONTEND=noninteractive LC_ALL=C sh -c \
    'apt-get update -qq && apt-get install -y -qq --no-install-recommends golang-go ca-certificates' >/dev/null
  cleanup; MOUNTS=()
fi
rm -rf "$DIR"/var/cache/apt/archives/*.deb "$DIR"/var/lib/apt/lists/* "$DIR/usr/sbin/policy-rc.d" \
       "$DIR/etc/apt/apt.conf.d/99stageify-arm64"
: >"$DIR/etc/resolv.conf"

# `docker import --platform` is ignored by older daemons: load an image archive whose config says
# arm64 instead (one layer: the root filesystem).
log "load $IMAGE (linux/arm64)"
IMG="$(mktemp -d)"; trap 'cleanup; rm -rf "$IMG"' EXIT
mkdir "$IMG/layer"
tar -C "$DIR" --numeric-owner -cf "$IMG/layer/layer.tar" .
diff="sha256:$(sha256sum "$IMG/layer/layer.tar" | cut -d' ' -f1)"
cat >"$IMG/config.json" <<JSON
{"architecture":"arm64","os":"linux","created":"$(date -u +%Y-%m-%dT%H:%M:%SZ)",
 "config":{"Env":["PATH=/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","GOPATH=/go"],
           "WorkingDir":"/go","Cmd":["bash"]},
 "rootfs":{"type":"layers","diff_ids":["$diff"]},
 "history":[{"created_by":"scripts/standin-arm64.sh: Debian $SUITE arm64 minbase + golang-go"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer/layer.tar"]}]\n' "$IMAGE" >"$IMG/manifest.json"
tar -C "$IMG" -c manifest.json config.json layer | "$DOCKER" load >/dev/null
arch="$("$DOCKER" image inspect -f '{{.Os}}/{{.Architecture}}' "$IMAGE")"
[[ $arch == linux/arm64 ]] || die "$IMAGE was loaded as $arch, not linux/arm64"
log "$IMAGE: $arch, $("$DOCKER" run --rm --network none --pull never --platform linux/arm64 "$IMAGE" go version)"
