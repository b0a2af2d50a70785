# Rust stand-ins, sourced by scripts/e2e/standins.sh (uses its helpers and variables).
# rust:<tag> -> Debian 12's cargo/rustc (1.63) + gcc, laid out like the official image:
# CARGO_HOME=/usr/local/cargo (world-writable, `cargo install` puts binaries in its bin/),
# RUSTUP_HOME=/usr/local/rustup, PATH starting with /usr/local/cargo/bin, WORKDIR /.
# The runtime stand-ins (debian:bookworm-slim, distroless cc) come from standins.sh itself.
RUST_TAGS="1.63 1.63-bookworm 1-bookworm bookworm slim-bookworm"
RUST_TAR="$CACHE/rootfs-$SUITE-rust-v1.tar"
RUST_PATH_ENV=/usr/local/cargo/bin:$STD_PATH

rust_missing=()
for t in $RUST_TAGS; do
  ALL_IMAGES+=("rust:$t")
  have_image "rust:$t" || rust_missing+=("rust:$t")
done
if ((FORCE)); then
  for t in $RUST_TAGS; do "$DOCKER" image rm -f "rust:$t" >/dev/null 2>&1 || true; done
  ((FORCE_ROOTFS)) && rm -f "$RUST_TAR"
  rust_missing=(); for t in $RUST_TAGS; do rust_missing+=("rust:$t"); done
fi

# The official image keeps cargo's home (and so `cargo install`'s bin/) world-writable.
rust_rootfs_hook() {
  mkdir -p "$1/usr/local/cargo/bin" "$1/usr/local/rustup"
  chmod -R a+w "$1/usr/local/cargo" "$1/usr/local/rustup"
}
ensure_rust_tar() {
  rootfs_with "$RUST_TAR" rust_rootfs_hook cargo gcc libc6-dev ca-certificates tzdata
}

if ((${#rust_missing[@]})); then
  first_rust="rust:${RUST_TAGS%% *}"
  if ! have_image "$first_rust"; then
    ensure_rust_tar
    log "import $first_rust"
    standin_import \
      --change "ENV PATH=$RUST_PATH_ENV" --change 'ENV CARGO_HOME=/usr/local/cargo' \
      --change 'ENV RUSTUP_HOME=/usr/local/rustup' --change 'WORKDIR /' --change 'CMD ["bash"]' \
      - "$first_rust" <"$RUST_TAR"
  fi
  for t in $RUST_TAGS; do
    have_image "rust:$t" && continue
    "$DOCKER" tag "$first_rust" "rust:$t"
    log "tag rust:$t (= $first_rust)"
  done
fi
