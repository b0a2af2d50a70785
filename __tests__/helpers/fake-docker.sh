#!/bin/sh
# A stand-in for the docker client, for the orchestration tests of src/verify.ts (a shell script:
# it is called dozens of times per test). Its folder is $FAKE_DOCKER_DIR, written by the test:
#   missing               images that do not exist, one a line
#   detect/<image>        what the probe-tool detection prints (`wget /busybox/wget`); any_orig for
#                         the built original image
#   sides/<ctx>_<tag>/    one side (<ctx>: build context folder name, or `any`; <tag>: orig or new):
#                         exit (a number or `running`), delay (seconds), stdout, failfirst, status
# It writes calls.log (per call: start and end in ms, then the arguments, each ended by \037) and
# state/ (built tags and containers, a file each: calls run at once).
d=$FAKE_DOCKER_DIR
t0=$(date +%s%3N)
args=$(printf '%s\037' "$@")
mkdir -p "$d/state"
esc() { printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'; }
done_() { printf '%s %s %s\n' "$t0" "$(date +%s%3N)" "$args" >> "$d/calls.log"; exit "$1"; }
side_dir() {
  c=$(cat "$d/state/container-$(esc "$1")" 2>/dev/null)
  if [ -d "$d/sides/$c" ]; then echo "$d/sides/$c"; else echo "$d/sides/any_${c##*_}"; fi
}
val() { cat "$1/$2" 2>/dev/null; }
last() { for a in "$@"; do :; done; printf '%s' "$a"; }
after() { want=$1; shift; while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { printf '%s' "$2"; return; }; shift; done; }

case "$1" in
  version) echo 99.0; done_ 0 ;;
  build)
    tag=$(after -t "$@"); ctx=$(basename "$(last "$@")")
    printf '%s' "$ctx" > "$d/state/image-$(esc "$tag")"; echo built; done_ 0 ;;
  image)
    if [ "$2" = rm ]; then done_ 0; fi
    ref=$(last "$@")
    if grep -qxF "$ref" "$d/missing" 2>/dev/null; then echo "No such image: $ref" >&2; done_ 1; fi
    case "$ref" in stageify-verify-*) [ -f "$d/state/image-$(esc "$ref")" ] || done_ 1 ;; esac
    case "$args" in
      *'{{.Size}}'*) case "$ref" in *:new) echo 10 ;; *) echo 1000 ;; esac ;;
      *) echo sha256:0 ;;
    esac
    done_ 0 ;;
  run)
    [ "$2" = --help ] && { echo '      --pull string   Pull image before running'; done_ 0; }
    name=$(after --name "$@")
    for a in "$@"; do case "$a" in container:*) target=${a#container:} ;; esac; done
    case " $* " in
      *' -d '*)
        for a in "$@"; do case "$a" in stageify-verify-*:*) image=$a ;; esac; done
        printf '%s_%s' "$(cat "$d/state/image-$(esc "$image")")" "${image##*:}" > "$d/state/container-$(esc "$name")"
        echo c0ffee; done_ 0 ;;
    esac
    if [ -n "$target" ]; then
      sd=$(side_dir "$target"); status=$(val "$sd" status); ff=$(val "$sd" failfirst); n=${name##*-ask}
      curl=''; case "$args" in *'%{http_code}'*) curl=1 ;; esac
      if [ -z "$status" ] || [ "$n" -le "${ff:-0}" ]; then
        [ -n "$curl" ] && { printf 000; done_ 7; }
        echo "wget: can't connect to remote host (127.0.0.1): Connection refused" >&2; done_ 1
      fi
      [ -n "$curl" ] && { printf '%s' "$status"; done_ 0; }
      printf 'Connecting to 127.0.0.1\n  HTTP/1.1 %s X\n' "$status" >&2; done_ 0
    fi
    prev=''; for a in "$@"; do [ "$a" = -c ] && image=$prev; prev=$a; done
    case "$image" in stageify-verify-*) f="$d/detect/any_${image##*:}" ;; *) f="$d/detect/$(esc "$image")" ;; esac
    [ -f "$f" ] && { cat "$f"; echo; done_ 0; }
    done_ 1 ;;
  wait)
    sd=$(side_dir "$2"); e=$(val "$sd" exit)
    [ "$e" = running ] && exec sleep 1000
    sleep "$(val "$sd" delay || echo 0)"; echo "$e"; done_ 0 ;;
  logs) val "$(side_dir "$2")" stdout; done_ 0 ;;
  rm) done_ 0 ;;
esac
echo "fake docker: unknown call: $*" >&2
done_ 125
