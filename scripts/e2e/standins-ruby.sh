# Stand-ins for the Ruby transform (sourced by scripts/e2e/standins.sh; uses its helpers,
# rootfs_with among them).
#
# One Debian 12 Ruby (3.1) under every tag the Ruby fixtures and e2e apps name, shaped like the
# official images: GEM_HOME=/usr/local/bundle (world-writable), BUNDLE_APP_CONFIG there too,
# its bin/ on PATH, CMD irb.
# ruby, gem, bundle, irb, erb and rake are linked into /usr/local/bin, where the official images have them.
#   full  ruby:<tag>          ruby bundler + ruby-dev and compilers (native extensions build)
#   slim  ruby:<tag>-slim     ruby bundler
#   onbuild ruby:<tag>-onbuild  FROM ruby:<base> + `bundle config --global frozen 1` + the four triggers
RB_FULL_TAGS="3.1 2.4"
RB_SLIM_TAGS="3.1-slim 2.4-slim"
RB_ONBUILD="2.4-onbuild:2.4"
RB_CACHE_VERSION=v1
RB_PATH=/usr/local/bundle/bin:$STD_PATH

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

# The two root filesystems are imported under internal names; every ruby:<tag> is built from one of
# them with the layer below (the official images keep ruby and its tools in /usr/local/bin, and
# Dockerfiles name that path), so changing the layer rebuilds the Ruby tags only.
RB_ROOTFS_FULL=stageify-standin/ruby-rootfs:full
RB_ROOTFS_SLIM=stageify-standin/ruby-rootfs:slim
# import_family skips a name that is present.
RB_ENV=(--change "ENV PATH=$RB_PATH" --change 'ENV LANG=C.UTF-8' --change 'ENV GEM_HOME=/usr/local/bundle'
        --change 'ENV BUNDLE_SILENCE_ROOT_WARNING=1' --change 'ENV BUNDLE_APP_CONFIG=/usr/local/bundle' --change 'CMD ["irb"]')
import_family "$CACHE/rootfs-$SUITE-ruby-full-$RB_CACHE_VERSION.tar" ruby_rootfs_hook "ruby bundler ruby-dev build-essential ca-certificates" "$RB_ROOTFS_FULL" -- "${RB_ENV[@]}"
import_family "$CACHE/rootfs-$SUITE-ruby-slim-$RB_CACHE_VERSION.tar" ruby_rootfs_hook "ruby bundler ca-certificates" "$RB_ROOTFS_SLIM" -- "${RB_ENV[@]}"

rb_tag_from() { # rb_tag_from NAME:TAG ROOTFS-IMAGE
  local img="$1" ctx="$WORK/ctx-${1//[:\/]/-}"
  mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $2
RUN for b in ruby gem bundle irb erb rake; do ln -s "/usr/bin/\$b" "/usr/local/bin/\$b"; done
DOCKERFILE
  if ! have_image "$img" || ! derived_current "$img" "$ctx"; then
    build_derived "$img" "$ctx"
    log "build $img (FROM $2)"
  fi
}
for t in $RB_FULL_TAGS; do rb_tag_from "ruby:$t" "$RB_ROOTFS_FULL"; done
for t in $RB_SLIM_TAGS; do rb_tag_from "ruby:$t" "$RB_ROOTFS_SLIM"; done

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
