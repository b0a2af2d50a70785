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
  py_full=(); for t in $PY_FULL_TAGS; do py_full+=("python:$t"); done
  py_slim=(); for t in $PY_SLIM_TAGS; do py_slim+=("python:$t"); done
  import_family "$CACHE/rootfs-$SUITE-python-full-$PY_CACHE_VERSION.tar" python_rootfs_hook "python3 python3-pip python3-venv python3-dev build-essential ca-certificates" "${py_full[@]}" -- "${PY_ENV[@]}"
  import_family "$CACHE/rootfs-$SUITE-python-slim-$PY_CACHE_VERSION.tar" python_rootfs_hook "python3 python3-pip python3-venv ca-certificates" "${py_slim[@]}" -- "${PY_ENV[@]}"
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
