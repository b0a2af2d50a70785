# Java stand-ins (sourced by standins.sh; uses its helpers and variables).
#
# One Debian 12 JDK (openjdk-17-jdk-headless + maven + Maven's own plugins from Debian) under every
# builder name the Java transform emits or the e2e apps use, and one JRE (openjdk-17-jre-headless)
# under the runtime names. The real maven:3-jdk-8 used Java 8; the stand-in reuses 17 under that name.
# Maven works offline: /etc/maven/settings.xml sets <offline>true</offline> and uses Debian's
# /usr/share/maven-repo (which has the default lifecycle plugins) as the local repository.

JAVA_JDK_IMAGES=(eclipse-temurin:17-jdk eclipse-temurin:17 openjdk:17 amazoncorretto:17)
JAVA_MAVEN_IMAGES=(maven:3.9-eclipse-temurin-17 maven:3-eclipse-temurin-17 maven:3-jdk-8)
JAVA_MAVEN_ONBUILD=(maven:3-jdk-8-onbuild)
JAVA_JRE_IMAGES=(eclipse-temurin:17-jre eclipse-temurin:8-jre)
JAVA_DISTROLESS_IMAGES=(gcr.io/distroless/java17-debian12:latest gcr.io/distroless/java17-debian12:nonroot)
JAVA_CACHE_VERSION=v1
JAVA_JDK_TAR="$CACHE/rootfs-$SUITE-java-jdk-$JAVA_CACHE_VERSION.tar"
JAVA_JRE_TAR="$CACHE/rootfs-$SUITE-java-jre-$JAVA_CACHE_VERSION.tar"
JAVA_HOME_DIR=/opt/java/openjdk   # where the official images keep the JDK/JRE

ALL_IMAGES+=("${JAVA_JDK_IMAGES[@]}" "${JAVA_MAVEN_IMAGES[@]}" "${JAVA_MAVEN_ONBUILD[@]}" "${JAVA_JRE_IMAGES[@]}" "${JAVA_DISTROLESS_IMAGES[@]}")

if ((FORCE)); then
  for img in "${JAVA_JDK_IMAGES[@]}" "${JAVA_MAVEN_IMAGES[@]}" "${JAVA_MAVEN_ONBUILD[@]}" "${JAVA_JRE_IMAGES[@]}" "${JAVA_DISTROLESS_IMAGES[@]}"; do
    "$DOCKER" image rm -f "$img" >/dev/null 2>&1 || true
  done
  ((FORCE_ROOTFS)) && rm -f "$JAVA_JDK_TAR" "$JAVA_JRE_TAR"
fi

java_missing() { local i; for i in "$@"; do have_image "$i" || return 0; done; return 1; }

# java_rootfs_tar OUT_TAR POST_HOOK PACKAGES...: the minbase rootfs plus Debian packages, cached;
# /opt/java/openjdk points at the JDK as in the official images, then POST_HOOK DIR runs.
java_rootfs_post() {
  local d="$1" jvm
  jvm="$(cd "$d" && ls -d usr/lib/jvm/java-17-openjdk-* | head -n 1)"
  [[ -n $jvm ]] || die "no usr/lib/jvm/java-17-openjdk-* in the Java rootfs"
  mkdir -p "$d/opt/java"
  ln -sfn "/$jvm" "$d$JAVA_HOME_DIR"
  "$JAVA_POST_HOOK" "$d"
}
java_rootfs_tar() {
  local out="$1"
  JAVA_POST_HOOK="$2"
  shift 2
  rootfs_with "$out" java_rootfs_post "$@"
}

java_jdk_hook() {
  local d="$1"
  # Offline Maven: Debian's repository of packaged plugins is the local repository.
  cat >"$d/etc/maven/settings.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <localRepository>/usr/share/maven-repo</localRepository>
  <offline>true</offline>
</settings>
EOF
  # The official maven image's entrypoint runs its arguments (CMD ["mvn"] by default).
  printf '#!/bin/sh\nexec "$@"\n' >"$d/usr/local/bin/mvn-entrypoint.sh"
  chmod 755 "$d/usr/local/bin/mvn-entrypoint.sh"
}
java_jre_hook() { :; }

JAVA_ENV=(--change "ENV JAVA_HOME=$JAVA_HOME_DIR" --change "ENV PATH=$JAVA_HOME_DIR/bin:$STD_PATH" --change 'ENV LANG=C.UTF-8')

if java_missing "${JAVA_JDK_IMAGES[@]}" "${JAVA_MAVEN_IMAGES[@]}"; then
  java_rootfs_tar "$JAVA_JDK_TAR" java_jdk_hook openjdk-17-jdk-headless maven ca-certificates \
    libmaven-compiler-plugin-java libmaven-jar-plugin-java libmaven-resources-plugin-java \
    libmaven-install-plugin-java libmaven-clean-plugin-java libsurefire-java
  first="${JAVA_JDK_IMAGES[0]}"
  if ! have_image "$first"; then
    standin_import "${JAVA_ENV[@]}" --change 'CMD ["jshell"]' - "$first" <"$JAVA_JDK_TAR"
    log "import $first"
  fi
  for img in "${JAVA_JDK_IMAGES[@]:1}"; do have_image "$img" || { "$DOCKER" tag "$first" "$img"; log "tag $img (= $first)"; }; done
  first="${JAVA_MAVEN_IMAGES[0]}"
  if ! have_image "$first"; then
    standin_import "${JAVA_ENV[@]}" --change 'ENV MAVEN_HOME=/usr/share/maven' --change 'ENV MAVEN_CONFIG=/root/.m2' \
      --change 'ENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]' --change 'CMD ["mvn"]' - "$first" <"$JAVA_JDK_TAR"
    log "import $first"
  fi
  for img in "${JAVA_MAVEN_IMAGES[@]:1}"; do have_image "$img" || { "$DOCKER" tag "$first" "$img"; log "tag $img (= $first)"; }; done
fi

# maven:<ver>-onbuild: WORKDIR /usr/src/app, triggers ADD . + mvn install (shared/design/ONBUILD.md).
for img in "${JAVA_MAVEN_ONBUILD[@]}"; do
  ctx="$WORK/ctx-java-onbuild"; mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<EOF
FROM ${img%-onbuild}
RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app
ONBUILD ADD . /usr/src/app
ONBUILD RUN mvn install
EOF
  if ! have_image "$img" || ! derived_current "$img" "$ctx"; then
    build_derived "$img" "$ctx"
    log "build $img"
  fi
done

if java_missing "${JAVA_JRE_IMAGES[@]}" "${JAVA_DISTROLESS_IMAGES[@]}"; then
  java_rootfs_tar "$JAVA_JRE_TAR" java_jre_hook openjdk-17-jre-headless ca-certificates
  first="${JAVA_JRE_IMAGES[0]}"
  if ! have_image "$first"; then
    standin_import "${JAVA_ENV[@]}" --change 'CMD ["jshell"]' - "$first" <"$JAVA_JRE_TAR"
    log "import $first"
  fi
  for img in "${JAVA_JRE_IMAGES[@]:1}"; do have_image "$img" || { "$DOCKER" tag "$first" "$img"; log "tag $img (= $first)"; }; done

  # distroless java: the JRE without any shell, ENTRYPOINT java -jar, nonroot user 65532.
  if java_missing "${JAVA_DISTROLESS_IMAGES[@]}"; then
    D="$WORK/java-distroless"
    rm -rf --one-file-system "$D"; mkdir -p "$D"
    tar -C "$D" --numeric-owner -xpf "$JAVA_JRE_TAR"
    rm -f "$D"/usr/bin/{sh,bash,dash,rbash} "$D"/bin/{sh,bash,dash,rbash} 2>/dev/null || true
    grep -q '^nonroot:' "$D/etc/passwd" || echo 'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' >>"$D/etc/passwd"
    grep -q '^nonroot:' "$D/etc/group" || echo 'nonroot:x:65532:' >>"$D/etc/group"
    mkdir -p "$D/home/nonroot"; chown 65532:65532 "$D/home/nonroot"; chmod 700 "$D/home/nonroot"
    DLJ=(--change "ENV PATH=$STD_PATH" --change "ENV JAVA_HOME=$JAVA_HOME_DIR" --change 'ENV LANG=C.UTF-8'
         --change 'ENTRYPOINT ["/usr/bin/java", "-jar"]')
    have_image gcr.io/distroless/java17-debian12:latest || {
      tar -C "$D" --numeric-owner -c . | standin_import "${DLJ[@]}" --change 'USER 0' --change 'WORKDIR /' - gcr.io/distroless/java17-debian12:latest
      log "import gcr.io/distroless/java17-debian12:latest"; }
    have_image gcr.io/distroless/java17-debian12:nonroot || {
      tar -C "$D" --numeric-owner -c . | standin_import "${DLJ[@]}" --change 'USER 65532' --change 'WORKDIR /home/nonroot' - gcr.io/distroless/java17-debian12:nonroot
      log "import gcr.io/distroless/java17-debian12:nonroot"; }
    rm -rf --one-file-system "$D"
  fi
fi
