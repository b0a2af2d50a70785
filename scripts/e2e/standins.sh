#!/usr/bin/env bash
# Real-build test tier: build local stand-ins of the base images the tests name, from Debian packages.
#
# Nothing is pulled from a registry. Every stand-in is labelled with the recipe version
# (org.stageify.standin.recipe=$STANDIN_RECIPE); an image that has the current one is skipped, so a
# second run takes seconds. Any other image under a stand-in's name (an older recipe, or one not made
# here: pulled, loaded, retagged) is replaced. Root filesystems are cached as tarballs under
# $STAGEIFY_E2E_CACHE.
#
# Usage: scripts/e2e/standins.sh [--force]      (--force: remove the stand-ins and rebuild them;
#                                                add --force-rootfs to also rebuild cached tarballs)
# Env:   STAGEIFY_E2E_CACHE  cache dir (default /var/cache/stageify-e2e)
#        DOCKER              docker client to use (default: the one setup-docker.sh picks)
set -euo pipefail

# ---- what to provide (extend here) -----------------------------------------------------------
# golang:<tag> -> one Go toolchain (Debian 12's Go 1.19) under every tag a test names; module
# semantics per tag: < 1.11 GO111MODULE=off, 1.11-1.15 auto, 1.16+ default; tags before 1.10 also
# carry go-wrapper, as the official images did.
GOLANG_TAGS="1.6.3 1.7 1.8 1.9 1.10 1.12 1.15 1.16 1.19 1.20 1.21 1.22 1.23 latest 1.22-bookworm 1.21-bookworm 1.23-bookworm bookworm"
# golang:<tag>-onbuild -> FROM golang:<tag> + the onbuild triggers. `onbuild` itself was last 1.8.
GOLANG_ONBUILD_TAGS="1.6.3 1.7 1.8 onbuild"
DEBIAN_SLIM_TAGS="debian:bookworm-slim debian:12-slim"
SUITE=bookworm
CACHE_VERSION=v1   # bump to invalidate the cached tarballs
# Bump when what any stand-in holds or how it is configured changes (packages, hooks, --change
# options, derived Dockerfiles, here or in standins-*.sh): every stand-in is then remade on the next
# run. A change to a rootfs's packages or hook also needs that rootfs's cache version bumped.
STANDIN_RECIPE=1
RECIPE_LABEL=org.stageify.standin.recipe

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${STAGEIFY_E2E_CACHE:-/var/cache/stageify-e2e}"
ROOTFS_TAR="$CACHE/rootfs-$SUITE-minbase-$CACHE_VERSION.tar"
BUILDER_TAR="$CACHE/rootfs-$SUITE-golang-$CACHE_VERSION.tar"
STD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
GO_PATH_ENV=/go/bin:/usr/local/go/bin:$STD_PATH

FORCE=0; FORCE_ROOTFS=0
for a in "$@"; do
  case "$a" in
    --force) FORCE=1 ;;
    --force-rootfs) FORCE=1; FORCE_ROOTFS=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done

T0=$SECONDS
log() { printf '[standins %3ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }
die() { printf '[standins] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap, chroot)"

# ---- daemon + client ---------------------------------------------------------------------------
if [[ -z "${DOCKER:-}" ]]; then
  out="$("$HERE/setup-docker.sh")" || die "setup-docker.sh failed"
  DOCKER="${out##*DOCKER=}"
fi
log "docker client: $DOCKER"
export DOCKER_BUILDKIT=0   # legacy builder: no buildx needed, no frontend image pulled

# have_image NAME: NAME is a stand-in of the current recipe. Any other image under that name (built by
# an older recipe, or foreign: an image tagged cc-debian12 without libgcc_s breaks every Rust app)
# counts as missing, so the script replaces it instead of trusting the tag.
have_image() {
  [[ $("$DOCKER" image inspect -f "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$1" 2>/dev/null) == "$STANDIN_RECIPE" ]]
}
require_image() { have_image "$1" || die "base image $1 is missing locally or not a current stand-in; refusing to build (it would try a registry)"; }
# standin_import IMPORT-ARGS... - NAME: `docker import` that labels the image with the recipe version.
standin_import() { "$DOCKER" import --change "LABEL $RECIPE_LABEL=$STANDIN_RECIPE" "$@" >/dev/null; }

# docker build with no registry access: every FROM image must already be a current stand-in.
# Derived images carry a label with the hash of their build context and of the image IDs of their
# FROM images, so editing the recipe (e.g. go-wrapper) or remaking a base rebuilds them on the next
# run while unchanged ones are skipped.
ctx_hash() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
derived_hash() { # derived_hash CONTEXT_DIR
  local from
  { ctx_hash "$1"
    for from in $(awk 'toupper($1)=="FROM"{print $2}' "$1/Dockerfile"); do
      "$DOCKER" image inspect -f '{{.Id}}' "$from" 2>/dev/null || echo "missing $from"
    done
  } | sha256sum | cut -c1-16
}
derived_current() { # derived_current NAME:TAG CONTEXT_DIR
  local want have
  have_image "$1" || return 1
  want="$(derived_hash "$2")"
  have="$("$DOCKER" image inspect -f '{{ index .Config.Labels "stageify.standin.hash" }}' "$1" 2>/dev/null || true)"
  [[ -n $have && $have == "$want" ]]
}
build_derived() { # build_derived NAME:TAG CONTEXT_DIR   (Dockerfile in CONTEXT_DIR)
  local name="$1" ctx="$2" from
  for from in $(awk 'toupper($1)=="FROM"{print $2}' "$ctx/Dockerfile"); do require_image "$from"; done
  if ! "$DOCKER" build --network none --pull=false --label "stageify.standin.hash=$(derived_hash "$ctx")" \
       --label "$RECIPE_LABEL=$STANDIN_RECIPE" -t "$name" "$ctx" >"$WORK/build.log" 2>&1; then
    tail -n 30 "$WORK/build.log" >&2; die "docker build of $name failed (log above)"
  fi
  return 0
}

size_of() { "$DOCKER" image inspect -f '{{.Size}}' "$1" 2>/dev/null || echo 0; }

REBUILT_GO=0
rebuilt_base() { ((REBUILT_GO)); }

WORK="$(mktemp -d /tmp/stageify-standins.XXXXXX)"
MOUNTS=()
cleanup() {
  local m
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT

# ---- which images are missing -------------------------------------------------------------------
DISTROLESS_IMAGES=(
  gcr.io/distroless/static-debian12:latest gcr.io/distroless/static-debian12:nonroot
  gcr.io/distroless/static-debian12:debug gcr.io/distroless/static-debian12:debug-nonroot
  gcr.io/distroless/base-debian12:latest gcr.io/distroless/base-debian12:nonroot
  gcr.io/distroless/base-debian12:debug gcr.io/distroless/base-debian12:debug-nonroot
  gcr.io/distroless/cc-debian12:latest gcr.io/distroless/cc-debian12:nonroot
  cgr.dev/chainguard/static:latest
)
ALL_IMAGES=($DEBIAN_SLIM_TAGS golang:1.19)
for t in $GOLANG_TAGS; do [[ $t == 1.19 ]] || ALL_IMAGES+=("golang:$t"); done
for t in $GOLANG_ONBUILD_TAGS; do
  if [[ $t == onbuild ]]; then ALL_IMAGES+=("golang:onbuild"); else ALL_IMAGES+=("golang:$t-onbuild"); fi
done
ALL_IMAGES+=("${DISTROLESS_IMAGES[@]}")

if ((FORCE)); then
  log "--force: removing existing stand-ins"
  for img in "${ALL_IMAGES[@]}"; do "$DOCKER" image rm -f "$img" >/dev/null 2>&1 || true; done
  ((FORCE_ROOTFS)) && rm -f "$ROOTFS_TAR" "$BUILDER_TAR"
fi

missing=()
for img in "${ALL_IMAGES[@]}"; do have_image "$img" || missing+=("$img"); done
if ((${#missing[@]} == 0)); then
  log "all ${#ALL_IMAGES[@]} stand-ins present (recipe $STANDIN_RECIPE)"
else
  log "missing or not of recipe $STANDIN_RECIPE: ${missing[*]}"
fi
need() { local i; for i in "${missing[@]}"; do [[ $i == $1 ]] && return 0; done; return 1; }

# ---- rootfs ------------------------------------------------------------------------------------
mirror() {
  local f=/etc/apt/sources.list.d/debian.sources uri=""
  if [[ -f $f ]]; then
    uri="$(awk '/^[[:space:]]*$/{if(seen)exit} /^URIs:/{print $2; seen=1; exit}' "$f")"
  fi
  if [[ -z $uri && -f /etc/apt/sources.list ]]; then
    uri="$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)"
  fi
  [[ -n $uri ]] || die "cannot read the apt mirror from /etc/apt/sources.list.d/debian.sources (URIs:)"
  echo "$uri"
}

ensure_rootfs_tar() {
  [[ -s $ROOTFS_TAR ]] && return 0
  local m dir="$WORK/minbase"
  m="$(mirror)"
  mkdir -p "$CACHE"
  log "debootstrap --variant=minbase $SUITE (mirror from apt sources)"
  debootstrap --variant=minbase "$SUITE" "$dir" "$m" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 30 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  clean_rootfs "$dir"
  tar -C "$dir" --numeric-owner -cf "$ROOTFS_TAR.tmp" . && mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf --one-file-system "$dir"
  log "cached $ROOTFS_TAR ($(du -h "$ROOTFS_TAR" | cut -f1))"
}

clean_rootfs() {
  local d="$1"
  rm -rf "$d"/var/cache/apt/archives/*.deb "$d"/var/cache/apt/*.bin "$d"/var/lib/apt/lists/* \
         "$d"/var/log/apt/* "$d"/var/log/dpkg.log "$d"/var/log/bootstrap.log "$d"/tmp/* "$d"/root/.cache
  mkdir -p "$d/var/lib/apt/lists/partial"
  : >"$d/etc/resolv.conf" 2>/dev/null || true
  rm -f "$d/etc/hostname" "$d/usr/sbin/policy-rc.d" "$d/etc/apt/apt.conf.d/99stageify-e2e"
}

chroot_mount() { # proc/sys/dev for maintainer scripts; undone by cleanup or chroot_umount
  local d="$1"
  mount -t proc proc "$d/proc" && MOUNTS=("$d/proc" "${MOUNTS[@]}")
  mount --rbind /sys "$d/sys" && mount --make-rslave "$d/sys" && MOUNTS=("$d/sys" "${MOUNTS[@]}")
  mount --rbind /dev "$d/dev" && mount --make-rslave "$d/dev" && MOUNTS=("$d/dev" "${MOUNTS[@]}")
}
chroot_umount() {
  local m
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  MOUNTS=()
}

# rootfs_with OUT.tar HOOK PACKAGES...: the minbase rootfs plus Debian packages installed in a
# chroot, then `HOOK DIR` (a function name, or '' for none), cached as OUT.tar (skipped when it
# exists). Ecosystem scripts build their stand-ins from it.
rootfs_with() {
  local out="$1" hook="$2"; shift 2
  [[ -s $out ]] && return 0
  ensure_rootfs_tar
  local name d
  name="$(basename "$out" .tar)"
  d="$WORK/rootfs-$name"
  rm -rf --one-file-system "$d"; mkdir -p "$d"
  tar -C "$d" --numeric-owner -xpf "$ROOTFS_TAR"
  cp /etc/resolv.conf "$d/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$d/usr/sbin/policy-rc.d"; chmod 755 "$d/usr/sbin/policy-rc.d"
  # The mirror may be a dated snapshot: do not reject its Release file as expired.
  printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$d/etc/apt/apt.conf.d/99stageify-e2e"
  chroot_mount "$d"
  log "chroot apt-get install $* ($name)"
  if ! { chroot "$d" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get update -qq &&
         chroot "$d" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y -qq --no-install-recommends "$@"; } >"$WORK/apt-$name.log" 2>&1; then
    chroot_umount
    tail -n 40 "$WORK/apt-$name.log" >&2; die "apt-get in the $name chroot failed (log above)"
  fi
  chroot_umount
  if [[ -n $hook ]]; then "$hook" "$d" || die "preparing the $name rootfs failed"; fi
  clean_rootfs "$d"
  mkdir -p "$CACHE"
  # A per-process temp name: two runs never write the same file.
  tar -C "$d" --numeric-owner -cf "$out.tmp.$$" . && mv "$out.tmp.$$" "$out"
  rm -rf --one-file-system "$d"
  log "cached $out ($(du -h "$out" | cut -f1))"
}

# import_family TARBALL HOOK "PACKAGES" IMAGE... -- IMPORT-ARGS...: one root filesystem under several
# names. A missing name is tagged from one that exists; when none exists, the rootfs is built (cached
# as TARBALL by rootfs_with) and imported under the first missing name.
import_family() {
  local tarball="$1" hook="$2" pkgs="$3"; shift 3
  local -a images=()
  while (($#)) && [[ $1 != -- ]]; do images+=("$1"); shift; done
  (($#)) && shift
  local img first=""
  for img in "${images[@]}"; do have_image "$img" && { first="$img"; break; }; done
  for img in "${images[@]}"; do
    have_image "$img" && continue
    if [[ -z $first ]]; then
      # shellcheck disable=SC2086
      rootfs_with "$tarball" "$hook" $pkgs
      standin_import "$@" - "$img" <"$tarball"
      first="$img"; log "import $img"
    else
      "$DOCKER" tag "$first" "$img"; log "tag $img (= $first)"
    fi
  done
}

# Make the Go rootfs look like the official image: GOROOT at /usr/local/go, GOPATH /go
# (world-writable), and Go's own zoneinfo.zip.
golang_rootfs_hook() {
  local d="$1" goroot
  goroot="$(cd "$d" && ls -d usr/lib/go-1.* | sort -V | tail -n 1)"
  [[ -n $goroot ]] || die "no usr/lib/go-1.* in the builder rootfs"
  mkdir -p "$d/usr/local"
  ln -sfn "/$goroot" "$d/usr/local/go"
  if [[ ! -e "$d/$goroot/lib/time/zoneinfo.zip" ]]; then
    mkdir -p "$d/$goroot/lib/time"
    # Go reads this zip itself and only supports stored (uncompressed) entries.
    python3 - "$d/usr/share/zoneinfo" "$d/$goroot/lib/time/zoneinfo.zip" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            rel = os.path.relpath(p, src)
            if rel.startswith(("posix/", "right/")) or not os.path.isfile(p) or f.endswith(".tab") or f in ("leapseconds", "tzdata.zi", "leap-seconds.list"):
                continue
            z.write(p, rel)
PY
  fi
  mkdir -p "$d/go/src" "$d/go/bin"
  chmod -R 777 "$d/go"
}

# The builder rootfs (Go toolchain) as a directory at $WORK/builder, from cache or built.
BUILDER_DIR="$WORK/builder"
ensure_builder_dir() {
  [[ -d $BUILDER_DIR ]] && return 0
  rootfs_with "$BUILDER_TAR" golang_rootfs_hook golang-go gcc libc6-dev git ca-certificates tzdata libssl3 libstdc++6 libgcc-s1
  mkdir -p "$BUILDER_DIR"
  tar -C "$BUILDER_DIR" --numeric-owner -xpf "$BUILDER_TAR"
}

# ---- debian slim ---------------------------------------------------------------------------------
for img in $DEBIAN_SLIM_TAGS; do
  need "$img" || continue
  ensure_rootfs_tar
  log "import $img"
  standin_import --change "ENV PATH=$STD_PATH" --change 'CMD ["bash"]' - "$img" <"$ROOTFS_TAR"
done

# ---- golang -------------------------------------------------------------------------------------
if need golang:1.19; then
  REBUILT_GO=1
  ensure_builder_dir
  log "import golang:1.19"
  standin_import \
    --change "ENV PATH=$GO_PATH_ENV" --change 'ENV GOPATH=/go' \
    --change 'WORKDIR /go' --change 'CMD ["bash"]' \
    - golang:1.19 <"$BUILDER_TAR"
fi

# go-wrapper, as shipped in golang images up to 1.9 (behaviour per shared/design/ONBUILD.md).
write_go_wrapper() {
  cat >"$1" <<'SH'
#!/bin/sh
set -e

usage() {
	base="$(basename "$0")"
	cat <<EOUSAGE
usage: $base command [args]

This script assumes that is is run from the root of your Go package (for
example, "/go/src/app" if your GOPATH is set to "/go").

The import path is taken from the package's import comment
(go list -e -f '{{.ImportComment}}'), else from a ".godir" file; without
one, the binary is named after the current directory.

Available Commands:

  $base download
    (equivalent to "go get -v -d [args] [goImportPath]")

  $base install
    (equivalent to "go install -v [args] [goImportPath]")

  $base run
    (assumes "GOPATH/bin" is in "PATH"; runs the binary with args)
EOUSAGE
}

cmd="$1"
if ! shift; then
	usage >&2
	exit 1
fi

goDir="$(go list -e -f '{{.ImportComment}}' 2>/dev/null || true)"
if [ -z "$goDir" ] && [ -s .godir ]; then
	goDir="$(cat .godir)"
fi

dir="$(pwd -P)"
if [ "$goDir" ]; then
	goPath="${GOPATH%%:*}"
	goDirPath="$goPath/src/$goDir"
	mkdir -p "$(dirname "$goDirPath")"
	if [ ! -e "$goDirPath" ]; then
		ln -sfv "$dir" "$goDirPath" >&2
	elif [ ! -L "$goDirPath" ]; then
		echo >&2 "error: $goDirPath already exists but is unexpectedly not a link!"
		exit 1
	fi
	cd "$goDirPath"
	bin="$goPath/bin/$(basename "$goDir")"
else
	bin="$(basename "$dir")"
fi

case "$cmd" in
	download)
		set -- go get -v -d "$@"
		if [ "$goDir" ]; then set -- "$@" "$goDir"; fi
		set -x; exec "$@"
		;;
	install)
		set -- go install -v "$@"
		if [ "$goDir" ]; then set -- "$@" "$goDir"; fi
		set -x; exec "$@"
		;;
	run)
		set -x; exec "$bin" "$@"
		;;
	*)
		usage >&2
		exit 1
		;;
esac
SH
  chmod 755 "$1"
}

go111() { # module mode a Go version tag implies
  local t="$1" minor
  [[ $t =~ ^1\.([0-9]+) ]] || { echo default; return; }
  minor="${BASH_REMATCH[1]}"
  if ((minor < 11)); then echo off; elif ((minor < 16)); then echo auto; else echo default; fi
}

# The official images shipped go-wrapper in /usr/local/bin up to 1.9 (removed in 1.10); Dockerfiles
# of that time call it without the onbuild variant.
ships_go_wrapper() { [[ $1 =~ ^1\.([0-9]+)(\.|-|$) ]] && ((BASH_REMATCH[1] < 10)); }

for t in $GOLANG_TAGS; do
  img="golang:$t"
  [[ $img == golang:1.19 ]] && continue
  mode="$(go111 "$t")"
  if [[ $mode == default ]]; then
    need "$img" || continue
    require_image golang:1.19
    "$DOCKER" tag golang:1.19 "$img"
    log "tag $img (= golang:1.19)"
  else
    ctx="$WORK/ctx-$t"; mkdir -p "$ctx"
    printf 'FROM golang:1.19\nENV GO111MODULE=%s\n' "$mode" >"$ctx/Dockerfile"
    what="GO111MODULE=$mode"
    if ships_go_wrapper "$t"; then
      write_go_wrapper "$ctx/go-wrapper"
      printf 'COPY go-wrapper /usr/local/bin/go-wrapper\n' >>"$ctx/Dockerfile"
      what="$what, go-wrapper"
    fi
    if need "$img" || ! derived_current "$img" "$ctx" || rebuilt_base; then
      build_derived "$img" "$ctx"
      log "build $img ($what)"
    fi
  fi
done

for t in $GOLANG_ONBUILD_TAGS; do
  if [[ $t == onbuild ]]; then img=golang:onbuild; from=golang:1.8; else img="golang:$t-onbuild"; from="golang:$t"; fi
  ctx="$WORK/ctx-onbuild-$t"; mkdir -p "$ctx"
  write_go_wrapper "$ctx/go-wrapper"
  cat >"$ctx/Dockerfile" <<EOF
FROM $from
COPY go-wrapper /usr/local/bin/go-wrapper
RUN mkdir -p /go/src/app
WORKDIR /go/src/app
CMD ["go-wrapper", "run"]
ONBUILD COPY . /go/src/app
ONBUILD RUN go-wrapper download
ONBUILD RUN go-wrapper install
EOF
  if need "$img" || ! derived_current "$img" "$ctx" || rebuilt_base; then
    build_derived "$img" "$ctx"
    log "build $img (FROM $from)"
  fi
done

# ---- distroless / chainguard ------------------------------------------------------------------------
any_distroless=0
for img in "${DISTROLESS_IMAGES[@]}"; do need "$img" && any_distroless=1; done
if ((any_distroless)); then
  ensure_builder_dir
  B="$BUILDER_DIR"
  LIBDIR=usr/lib/x86_64-linux-gnu

  # static: certs, tzdata, passwd/group, /tmp, /home/nonroot. Merged-/usr layout like Debian 12.
  S="$WORK/static"
  mkdir -p "$S"/{etc/ssl/certs,usr/share,tmp,home/nonroot,root,var/lib,usr/bin,usr/sbin,usr/lib,usr/local/bin}
  ln -s usr/bin "$S/bin"; ln -s usr/sbin "$S/sbin"; ln -s usr/lib "$S/lib"
  cp -L "$B/etc/ssl/certs/ca-certificates.crt" "$S/etc/ssl/certs/ca-certificates.crt"
  cp -a "$B/usr/share/zoneinfo" "$S/usr/share/zoneinfo"
  rm -rf "$S/usr/share/zoneinfo/right"   # leap-second variants: not in distroless either
  cat >"$S/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
  cat >"$S/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
EOF
  printf 'hosts: files dns\nnetworks: files\npasswd: files\ngroup: files\n' >"$S/etc/nsswitch.conf"
  cp -L "$B/etc/os-release" "$S/etc/os-release"
  chmod 1777 "$S/tmp"; chmod 700 "$S/root"; chown 65532:65532 "$S/home/nonroot"; chmod 700 "$S/home/nonroot"

  # base: static + glibc and libssl from the same Debian release as the builder.
  Bs="$WORK/base"
  cp -a "$S" "$Bs"
  mkdir -p "$Bs/$LIBDIR" "$Bs/usr/lib64" "$Bs/etc"
  ln -s usr/lib64 "$Bs/lib64"
  for lib in ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 libresolv.so.2 \
             librt.so.1 libutil.so.1 libanl.so.1 libnss_files.so.2 libnss_dns.so.2 libnss_compat.so.2 \
             libssl.so.3 libcrypto.so.3 libz.so.1; do
    if [[ -e "$B/$LIBDIR/$lib" ]]; then cp -L "$B/$LIBDIR/$lib" "$Bs/$LIBDIR/$lib"; else log "note: $lib not in builder rootfs"; fi
  done
  ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$Bs/usr/lib64/ld-linux-x86-64.so.2"
  ldconfig -r "$Bs" 2>/dev/null || true

  # cc: base + libgcc_s and libstdc++ (Rust, C++).
  C="$WORK/cc"
  cp -a "$Bs" "$C"
  for lib in libgcc_s.so.1 libstdc++.so.6 libgomp.so.1; do
    [[ -e "$B/$LIBDIR/$lib" ]] && cp -L "$B/$LIBDIR/$lib" "$C/$LIBDIR/$lib"
  done
  ldconfig -r "$C" 2>/dev/null || true

  add_busybox() { # debug variants: busybox at /busybox with applet links; still no /bin/sh
    local d="$1" bb a
    bb="$(command -v busybox || true)"
    [[ -n $bb ]] && "$bb" --list >/dev/null 2>&1 || die "busybox-static is needed for the :debug stand-ins (run setup-docker.sh)"
    mkdir -p "$d/busybox"
    cp -L "$bb" "$d/busybox/busybox"
    for a in $("$bb" --list); do
      [[ $a == busybox ]] || ln -s busybox "$d/busybox/$a"
    done
  }
  Sd="$WORK/static-debug"; cp -a "$S" "$Sd"; add_busybox "$Sd"
  Bd="$WORK/base-debug"; cp -a "$Bs" "$Bd"; add_busybox "$Bd"

  DL_ENV=(--change "ENV PATH=$STD_PATH" --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt')
  DBG_ENV=(--change "ENV PATH=$STD_PATH:/busybox" --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'
           --change 'ENTRYPOINT ["/busybox/sh"]')
  ROOT=(--change 'USER 0' --change 'WORKDIR /')
  NONROOT=(--change 'USER 65532' --change 'WORKDIR /home/nonroot')

  import_dir() { # import_dir DIR NAME:TAG change-args...
    local dir="$1" name="$2"; shift 2
    need "$name" || return 0
    tar -C "$dir" --numeric-owner -c . | standin_import "$@" - "$name"
    log "import $name"
  }
  import_dir "$S"  gcr.io/distroless/static-debian12:latest        "${DL_ENV[@]}"  "${ROOT[@]}"
  import_dir "$S"  gcr.io/distroless/static-debian12:nonroot       "${DL_ENV[@]}"  "${NONROOT[@]}"
  import_dir "$S"  cgr.dev/chainguard/static:latest                "${DL_ENV[@]}"  "${NONROOT[@]}"
  import_dir "$Sd" gcr.io/distroless/static-debian12:debug         "${DBG_ENV[@]}" "${ROOT[@]}"
  import_dir "$Sd" gcr.io/distroless/static-debian12:debug-nonroot "${DBG_ENV[@]}" "${NONROOT[@]}"
  import_dir "$Bs" gcr.io/distroless/base-debian12:latest          "${DL_ENV[@]}"  "${ROOT[@]}"
  import_dir "$Bs" gcr.io/distroless/base-debian12:nonroot         "${DL_ENV[@]}"  "${NONROOT[@]}"
  import_dir "$Bd" gcr.io/distroless/base-debian12:debug           "${DBG_ENV[@]}" "${ROOT[@]}"
  import_dir "$Bd" gcr.io/distroless/base-debian12:debug-nonroot   "${DBG_ENV[@]}" "${NONROOT[@]}"
  import_dir "$C"  gcr.io/distroless/cc-debian12:latest            "${DL_ENV[@]}"  "${ROOT[@]}"
  import_dir "$C"  gcr.io/distroless/cc-debian12:nonroot           "${DL_ENV[@]}"  "${NONROOT[@]}"
fi

# ---- stand-ins of other ecosystems ---------------------------------------------------------------
# Each scripts/e2e/standins-<ecosystem>.sh is sourced here. It may use everything above
# (have_image, require_image, standin_import, ensure_rootfs_tar, clean_rootfs, chroot_mount, chroot_umount,
# build_derived, mirror, log, die, $DOCKER, $WORK, $CACHE, $ROOTFS_TAR) and appends the images it
# provides to ALL_IMAGES, skipping those that exist.
for extra in "$HERE"/standins-*.sh; do
  [[ -e $extra ]] || continue
  # shellcheck source=/dev/null
  source "$extra"
done

# ---- summary -------------------------------------------------------------------------------------
for img in "${ALL_IMAGES[@]}"; do
  have_image "$img" || die "stand-in $img was not created (or lacks $RECIPE_LABEL=$STANDIN_RECIPE)"
done
printf '%-52s %10s\n' IMAGE SIZE
for img in "${ALL_IMAGES[@]}"; do
  printf '%-52s %8.1f MB\n' "$img" "$(awk -v b="$(size_of "$img")" 'BEGIN{print b/1e6}')"
done
log "done (${#ALL_IMAGES[@]} stand-ins)"
