# Stand-ins for the Python transform (sourced by scripts/e2e/standins.sh; uses its helpers).
#
# One Debian 12 Python (3.11) under every tag the Python fixtures and e2e apps name, shaped like
# the official images: `python`/`pip` in /usr/local/bin, no PEP 668 marker (pip installs into the
# system like in the official images), CMD python3.
#   full  python:<tag>         python3 python3-pip python3-venv + compilers and headers (build tools)
#   slim  python:<tag>-slim    python3 python3-pip python3-venv, no compilers
#   onbuild python:<tag>-onbuild  FROM python:<base> + WORKDIR /usr/src/app + the three ONBUILD triggers
PY_FULL_TAGS="3.11 3.6 3"
PY_SLIM_TAGS="3.11-slim 3.6-slim 3-slim"
PY_ONBUILD="3.6-onbuild:3.6 3-onbuild:3.6"
PY_CACHE_VERSION=v1

# A rootfs tarball with extra Debian packages, cached: lang_rootfs_tar NAME "packages"
if ! declare -F lang_rootfs_tar >/dev/null; then
  lang_rootfs_tar() {
    local name="$1" pkgs="$2" tarball d
    tarball="$CACHE/rootfs-$SUITE-$name.tar"
    if [[ -s $tarball ]]; then echo "$tarball"; return 0; fi
    ensure_rootfs_tar
    d="$WORK/rootfs-$name"
    rm -rf --one-file-system "$d"; mkdir -p "$d"
    tar -C "$d" --numeric-owner -xpf "$ROOTFS_TAR"
    cp /etc/resolv.conf "$d/etc/resolv.conf"
    printf '#!/bin/sh\nexit 101\n' >"$d/usr/sbin/policy-rc.d"; chmod 755 "$d/usr/sbin/policy-rc.d"
    printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$d/etc/apt/apt.conf.d/99stageify-e2e"
    chroot_mount "$d"
    log "chroot apt-get install $pkgs ($name)"
    # shellcheck disable=SC2086
    if ! { chroot "$d" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get update -qq &&
           chroot "$d" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y -qq --no-install-recommends $pkgs; } >"$WORK/apt-$name.log" 2>&1; then
      tail -n 40 "$WORK/apt-$name.log" >&2; die "apt-get in chroot failed for $name (log above)"
    fi
    chroot_umount
    LANG_ROOTFS_DIR="$d" lang_rootfs_hook "$name"
    clean_rootfs "$d"
    tar -C "$d" --numeric-owner -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf --one-file-system "$d"
    log "cached $tarball ($(du -h "$tarball" | cut -f1))"
    echo "$tarball"
  }
  # Per-ecosystem touch-ups before a rootfs is packed (dispatch on the name prefix).
  lang_rootfs_hook() {
    case "$1" in
      python-*) python_rootfs_hook "$LANG_ROOTFS_DIR" ;;
      ruby-*) ruby_rootfs_hook "$LANG_ROOTFS_DIR" ;;
    esac
  }
fi

python_rootfs_hook() {
  local d="$1"
  # The official images install packages system-wide with pip: no externally-managed marker.
  rm -f "$d"/usr/lib/python3*/EXTERNALLY-MANAGED
  mkdir -p "$d/usr/local/bin"
  ln -sfn /usr/bin/python3 "$d/usr/local/bin/python"
  ln -sfn /usr/bin/python3 "$d/usr/local/bin/python3"
  [[ -e $d/usr/bin/pip3 ]] && ln -sfn /usr/bin/pip3 "$d/usr/local/bin/pip" && ln -sfn /usr/bin/pip3 "$d/usr/local/bin/pip3"
  return 0
}

PY_IMAGES=()
for t in $PY_FULL_TAGS $PY_SLIM_TAGS; do PY_IMAGES+=("python:$t"); done
for p in $PY_ONBUILD; do PY_IMAGES+=("python:${p%%:*}"); done
ALL_IMAGES+=("${PY_IMAGES[@]}")

py_missing=0
for img in "${PY_IMAGES[@]}"; do have_image "$img" || py_missing=1; done
if ((py_missing)); then
  PY_ENV=(--change "ENV PATH=$STD_PATH" --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]')
  first=""
  for t in $PY_FULL_TAGS; do
    have_image "python:$t" && { first="${first:-python:$t}"; continue; }
    if [[ -z $first ]]; then
      tarball="$(lang_rootfs_tar "python-full-$PY_CACHE_VERSION" "python3 python3-pip python3-venv python3-dev build-essential ca-certificates")"
      "$DOCKER" import "${PY_ENV[@]}" - "python:$t" <"$tarball" >/dev/null
      first="python:$t"; log "import python:$t"
    else
      "$DOCKER" tag "$first" "python:$t"; log "tag python:$t (= $first)"
    fi
  done
  first=""
  for t in $PY_SLIM_TAGS; do
    have_image "python:$t" && { first="${first:-python:$t}"; continue; }
    if [[ -z $first ]]; then
      tarball="$(lang_rootfs_tar "python-slim-$PY_CACHE_VERSION" "python3 python3-pip python3-venv ca-certificates")"
      "$DOCKER" import "${PY_ENV[@]}" - "python:$t" <"$tarball" >/dev/null
      first="python:$t"; log "import python:$t"
    else
      "$DOCKER" tag "$first" "python:$t"; log "tag python:$t (= $first)"
    fi
  done
fi

# python:<ver>-onbuild (shared/design/ONBUILD.md): no CMD of its own, python3's is inherited.
for p in $PY_ONBUILD; do
  img="python:${p%%:*}"; from="python:${p##*:}"
  ctx="$WORK/ctx-python-${p%%:*}"; mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $from
RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app
ONBUILD COPY requirements.txt /usr/src/app/
ONBUILD RUN pip install --no-cache-dir -r requirements.txt
ONBUILD COPY . /usr/src/app
DOCKERFILE
  if ! have_image "$img" || ! derived_current "$img" "$ctx"; then
    build_derived "$img" "$ctx"
    log "build $img (FROM $from)"
  fi
done
