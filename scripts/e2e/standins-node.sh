# Node stand-ins, SOURCED by scripts/e2e/standins.sh (uses its helpers and variables).
#
# One Node toolchain (Debian 12's nodejs 18 + npm 9) under every node tag the Node transform
# emits or the e2e apps name:
#   node:<tag>          full image: nodejs npm git build-essential, `node` user (uid 1000),
#                       docker-entrypoint.sh as ENTRYPOINT and CMD ["node"] like the real image
#   node:<tag>-slim     the same without git/build tools (npm kept: the real slim images have it)
#   node:<tag>-onbuild  FROM node:<tag> + WORKDIR /usr/src/app, CMD ["npm","start"] and the
#                       ONBUILD triggers of the official onbuild images (final form)
#   gcr.io/distroless/nodejs<major>-debian12[:nonroot]
#                       node at /nodejs/bin/node + the shared libraries ldd names, CA certs,
#                       passwd/group (root, nobody, nonroot); ENTRYPOINT ["/nodejs/bin/node"]
NODE_TAGS="8 18 20"
NODE_ONBUILD_TAGS="8 onbuild"    # node:onbuild was last 8.x
NODE_DISTROLESS_MAJORS="18 20"
NODE_CACHE_VERSION=v1
NODE_SLIM_TAR="$CACHE/rootfs-$SUITE-node-slim-$NODE_CACHE_VERSION.tar"
NODE_FULL_TAR="$CACHE/rootfs-$SUITE-node-full-$NODE_CACHE_VERSION.tar"

node_images=()
for t in $NODE_TAGS; do node_images+=("node:$t" "node:$t-slim"); done
for t in $NODE_ONBUILD_TAGS; do
  if [[ $t == onbuild ]]; then node_images+=("node:onbuild"); else node_images+=("node:$t-onbuild"); fi
done
for m in $NODE_DISTROLESS_MAJORS; do
  node_images+=("gcr.io/distroless/nodejs$m-debian12:latest" "gcr.io/distroless/nodejs$m-debian12:nonroot")
done
ALL_IMAGES+=("${node_images[@]}")

node_missing=()
for img in "${node_images[@]}"; do have_image "$img" || node_missing+=("$img"); done

# The entrypoint of the official node images: runs `node "$@"` when the first argument is an
# option or not a command.
node_write_entrypoint() {
  cat >"$1" <<'SH'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
SH
  chmod 755 "$1"
}

# A rootfs tarball: minbase + the packages given; the node user and the entrypoint added.
node_rootfs_hook() {
  local d="$1"
  chroot "$d" groupadd --gid 1000 node && chroot "$d" useradd --uid 1000 --gid node --shell /bin/bash --create-home node || return 1
  node_write_entrypoint "$d/usr/local/bin/docker-entrypoint.sh"
  rm -rf "$d/root/.npm"
}
node_rootfs_tar() { # node_rootfs_tar OUT.tar packages...
  local out="$1"; shift
  rootfs_with "$out" node_rootfs_hook "$@"
}

node_import() { # node_import TAR NAME:TAG
  standin_import --change "ENV PATH=$STD_PATH" --change 'ENV NODE_VERSION=18' \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["node"]' - "$2" <"$1"
  log "import $2"
}

node_need() { local i; for i in "${node_missing[@]}"; do [[ $i == "$1" ]] && return 0; done; return 1; }

if ((${#node_missing[@]})); then
  log "node stand-ins missing: ${node_missing[*]}"
  # Full and slim images: one import each, then tags.
  for kind in full slim; do
    want=()
    for t in $NODE_TAGS; do
      if [[ $kind == full ]]; then img="node:$t"; else img="node:$t-slim"; fi
      node_need "$img" && want+=("$img")
    done
    ((${#want[@]})) || continue
    if [[ $kind == full ]]; then
      node_rootfs_tar "$NODE_FULL_TAR" nodejs npm ca-certificates git build-essential python3
      tar=$NODE_FULL_TAR
    else
      node_rootfs_tar "$NODE_SLIM_TAR" nodejs npm ca-certificates
      tar=$NODE_SLIM_TAR
    fi
    node_import "$tar" "${want[0]}"
    for img in "${want[@]:1}"; do "$DOCKER" tag "${want[0]}" "$img"; log "tag $img"; done
  done

  # onbuild: the triggers of the official images' final form (shared/design/ONBUILD.md).
  for t in $NODE_ONBUILD_TAGS; do
    if [[ $t == onbuild ]]; then img=node:onbuild; from=node:8; else img="node:$t-onbuild"; from="node:$t"; fi
    ctx="$WORK/ctx-node-onbuild-$t"; mkdir -p "$ctx"
    cat >"$ctx/Dockerfile" <<EOF
FROM $from
RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app
ONBUILD ARG NODE_ENV
ONBUILD ENV NODE_ENV \$NODE_ENV
ONBUILD COPY package.json /usr/src/app/
ONBUILD RUN npm install && npm cache clean --force
ONBUILD COPY . /usr/src/app
CMD [ "npm", "start" ]
EOF
    if ! node_need "$img" && derived_current "$img" "$ctx"; then continue; fi
    build_derived "$img" "$ctx"
    log "build $img (FROM $from)"
  done

  # distroless nodejs: node and the libraries it links to, from the slim rootfs.
  dl_any=0
  for m in $NODE_DISTROLESS_MAJORS; do
    node_need "gcr.io/distroless/nodejs$m-debian12:latest" && dl_any=1
    node_need "gcr.io/distroless/nodejs$m-debian12:nonroot" && dl_any=1
  done
  if ((dl_any)); then
    node_rootfs_tar "$NODE_SLIM_TAR" nodejs npm ca-certificates
    src="$WORK/node-slim-src"; rm -rf --one-file-system "$src"; mkdir -p "$src"
    tar -C "$src" --numeric-owner -xpf "$NODE_SLIM_TAR"
    D="$WORK/distroless-nodejs"; rm -rf --one-file-system "$D"
    mkdir -p "$D"/{etc/ssl/certs,tmp,home/nonroot,root,nodejs/bin,usr/bin,usr/lib/x86_64-linux-gnu,usr/lib64,usr/share}
    ln -s usr/bin "$D/bin"; ln -s usr/lib "$D/lib"; ln -s usr/lib64 "$D/lib64"
    cp -L "$src/usr/bin/node" "$D/nodejs/bin/node"
    # ldd inside the chroot resolves the Debian libraries node needs (libnode, libuv, ssl, icu, …).
    libs="$(chroot "$src" ldd /usr/bin/node | awk '$2=="=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')"
    [[ -n $libs ]] || die "ldd found no libraries for /usr/bin/node in the node rootfs"
    for lib in $libs; do
      mkdir -p "$D/$(dirname "$lib")"
      cp -L "$src/$lib" "$D/$lib"
    done
    # Debian's libnode loads some builtins (cjs-module-lexer, acorn, undici) from /usr/share/nodejs.
    for f in $(grep -aoE '/usr/share/nodejs/[A-Za-z0-9_./-]+[.]js' "$src/usr/lib/x86_64-linux-gnu/libnode.so."* | sed 's/^[^:]*://' | sort -u); do
      [[ -e "$src/$f" ]] || continue
      mkdir -p "$D/$(dirname "$f")"
      cp -L "$src/$f" "$D/$f"
    done
    cp -L "$src/etc/ssl/certs/ca-certificates.crt" "$D/etc/ssl/certs/ca-certificates.crt"
    cp -a "$src/usr/share/zoneinfo" "$D/usr/share/zoneinfo" 2>/dev/null || true
    cp -L "$src/etc/os-release" "$D/etc/os-release"
    cat >"$D/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
    printf 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' >"$D/etc/group"
    printf 'hosts: files dns\nnetworks: files\npasswd: files\ngroup: files\n' >"$D/etc/nsswitch.conf"
    chmod 1777 "$D/tmp"; chmod 700 "$D/root"; chown 65532:65532 "$D/home/nonroot"; chmod 700 "$D/home/nonroot"
    ldconfig -r "$D" 2>/dev/null || true
    NODE_DL_ENV=(--change "ENV PATH=$STD_PATH" --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'
                 --change 'ENTRYPOINT ["/nodejs/bin/node"]')
    for m in $NODE_DISTROLESS_MAJORS; do
      for tag in latest nonroot; do
        img="gcr.io/distroless/nodejs$m-debian12:$tag"
        node_need "$img" || continue
        if [[ $tag == nonroot ]]; then who=(--change 'USER 65532' --change 'WORKDIR /home/nonroot'); else who=(--change 'USER 0' --change 'WORKDIR /'); fi
        tar -C "$D" --numeric-owner -c . | standin_import "${NODE_DL_ENV[@]}" "${who[@]}" - "$img"
        log "import $img"
      done
    done
    rm -rf --one-file-system "$D" "$src"
  fi
fi
