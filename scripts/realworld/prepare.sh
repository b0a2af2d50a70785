#!/usr/bin/env bash
# Exports the pinned commit of every project in scripts/realworld/manifest/*.json into
# $STAGEIFY_REALWORLD_SRC/<id> (default /work/realworld-src/<id>), outside this repository.
# The repositories must already be on this machine as git directories under $STAGEIFY_REALWORLD_MIRROR
# (default /work/.mirror), one per repository, named <owner>+<name>/repo (a bare git dir or a
# checkout with .git); nothing is downloaded here.
#
#   scripts/realworld/prepare.sh            # every project whose folder is missing
#   scripts/realworld/prepare.sh --force    # export again even where the folder exists
#   scripts/realworld/prepare.sh ID...      # only these projects
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${STAGEIFY_REALWORLD_SRC:-/work/realworld-src}"
mirror="${STAGEIFY_REALWORLD_MIRROR:-/work/.mirror}"
force=0
ids=()
for a in "$@"; do
  case "$a" in
    --force) force=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) ids+=("$a") ;;
  esac
done
mkdir -p "$src"
# id, repo, commit per line, from every manifest (node reads the JSON; no other tool needed).
list="$(node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort())
  for (const p of JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))) console.log([p.id, p.repo, p.commit].join(" "));
' "$here/manifest")"
ok=0; missing=0
while read -r id repo commit; do
  [ -n "$id" ] || continue
  if [ "${#ids[@]}" -gt 0 ] && [[ " ${ids[*]} " != *" $id "* ]]; then continue; fi
  dest="$src/$id"
  if [ -d "$dest" ] && [ "$force" = 0 ] && [ "$(cat "$src/.commits/$id" 2>/dev/null)" = "$commit" ]; then
    ok=$((ok + 1)); continue
  fi
  gitdir=""
  for cand in "$mirror/${repo/\//+}/repo/.git" "$mirror/${repo/\//+}/repo"; do
    if git --git-dir="$cand" cat-file -e "$commit^{commit}" 2>/dev/null; then gitdir="$cand"; break; fi
  done
  if [ -z "$gitdir" ]; then
    echo "missing  $id: no git directory with $repo@${commit:0:7} under $mirror" >&2
    missing=$((missing + 1)); continue
  fi
  rm -rf "$dest.tmp"; mkdir -p "$dest.tmp"
  if ! { git --git-dir="$gitdir" archive "$commit" | tar -x -C "$dest.tmp"; }; then
    echo "missing  $id: cannot export $repo@${commit:0:7} from $gitdir" >&2
    rm -rf "$dest.tmp"; missing=$((missing + 1)); continue
  fi
  rm -rf "$dest"; mv "$dest.tmp" "$dest"
  mkdir -p "$src/.commits"; echo "$commit" > "$src/.commits/$id"
  echo "exported $id: $repo@${commit:0:7}"
  ok=$((ok + 1))
done <<< "$list"
echo "$ok ready in $src, $missing missing"
[ "$missing" = 0 ]
