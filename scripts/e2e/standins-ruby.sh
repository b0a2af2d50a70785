# Stand-ins for the Ruby transform (sourced by scripts/e2e/standins.sh; uses its helpers and
# lang_rootfs_tar from standins-python.sh when that ran first — defined here too otherwise).
#
# One Debian 12 Ruby (3.1) under every tag the Ruby fixtures and e2e apps name, shaped like the
# official images: GEM_HOME=/usr/local/bundle (world-writable), BUNDLE_APP_CONFIG there too,
# its bin/ on PATH, CMD irb.
#   full  ruby:<tag>          ruby bundler + ruby-dev and compilers (native extensions build)
#   slim  ruby:<tag>-slim     ruby bundler
#   onbuild ruby:<tag>-onbuild  FROM ruby:<base> + `bundle config --global frozen 1` + the four triggers
RB_FULL_TAGS="3.1 2.4"
RB_SLIM_TAGS="3.1-slim 2.4-slim"
RB_ONBUILD="2.4-onbuild:2.4"
RB_CACHE_VERSION=v1
RB_PATH=/usr/local/bundle/bin:$STD_PATH

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
  lang_rootfs_hook() {
    case "$1" in
      ruby-*) ruby_rootfs_hook "$LANG_ROOTFS_DIR" ;;
    esac
  }
fi

ruby_rootfs_hook() {
  local d="$1"
  mkdir -p "$d/usr/local/bundle/bin"
  chmod -R 777 "$d/usr/local/bundle"
  return 0
}

RB_IMAGES=()
for t in $RB_FULL_TAGS $RB_SLIM_TAGS; do RB_IMAGES+=("ruby:$t"); done
for p in $RB_ONBUILD; do RB_IMAGES+=("ruby:${p%%:*}"); done
ALL_IMAGES+=("${RB_IMAGES[@]}")

rb_missing=0
for img in "${RB_IMAGES[@]}"; do have_image "$img" || rb_missing=1; done
if ((rb_missing)); then
  RB_ENV=(--change "ENV PATH=$RB_PATH" --change 'ENV LANG=C.UTF-8' --change 'ENV GEM_HOME=/usr/local/bundle'
          --change 'ENV BUNDLE_SILENCE_ROOT_WARNING=1' --change 'ENV BUNDLE_APP_CONFIG=/usr/local/bundle' --change 'CMD ["irb"]')
  first=""
  for t in $RB_FULL_TAGS; do
    have_image "ruby:$t" && { first="${first:-ruby:$t}"; continue; }
    if [[ -z $first ]]; then
      tarball="$(lang_rootfs_tar "ruby-full-$RB_CACHE_VERSION" "ruby bundler ruby-dev build-essential ca-certificates")"
      "$DOCKER" import "${RB_ENV[@]}" - "ruby:$t" <"$tarball" >/dev/null
      first="ruby:$t"; log "import ruby:$t"
    else
      "$DOCKER" tag "$first" "ruby:$t"; log "tag ruby:$t (= $first)"
    fi
  done
  first=""
  for t in $RB_SLIM_TAGS; do
    have_image "ruby:$t" && { first="${first:-ruby:$t}"; continue; }
    if [[ -z $first ]]; then
      tarball="$(lang_rootfs_tar "ruby-slim-$RB_CACHE_VERSION" "ruby bundler ca-certificates")"
      "$DOCKER" import "${RB_ENV[@]}" - "ruby:$t" <"$tarball" >/dev/null
      first="ruby:$t"; log "import ruby:$t"
    else
      "$DOCKER" tag "$first" "ruby:$t"; log "tag ruby:$t (= $first)"
    fi
  done
fi

# ruby:<ver>-onbuild (shared/design/ONBUILD.md): inherits CMD ["irb"].
for p in $RB_ONBUILD; do
  img="ruby:${p%%:*}"; from="ruby:${p##*:}"
  ctx="$WORK/ctx-ruby-${p%%:*}"; mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $from
RUN bundle config --global frozen 1
RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app
ONBUILD COPY Gemfile /usr/src/app/
ONBUILD COPY Gemfile.lock /usr/src/app/
ONBUILD RUN bundle install
ONBUILD COPY . /usr/src/app
DOCKERFILE
  if ! have_image "$img" || ! derived_current "$img" "$ctx"; then
    build_derived "$img" "$ctx"
    log "build $img (FROM $from)"
  fi
done
