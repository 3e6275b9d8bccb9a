#!/bin/sh
# Re-records the trace of every scene in scenes/ with one Go toolchain.
#
# A program that imports runtime/trace records itself: its scene's record.sh
# runs it. Every other scene is run through `gotrace-render capture`, which
# turns tracing on without changing the program. Timings differ from run to run,
# so re-recorded traces are never byte-identical.
#
# Usage: scripts/record-gallery.sh [scene-name …]     (default: all scenes)
# Toolchain: GO=/path/to/go (default /opt/go1.26/bin/go, else go on the PATH).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
GO=${GO:-/opt/go1.26/bin/go}
[ -x "$GO" ] || GO=$(command -v go) || { echo "error: no Go found: set GO=/path/to/go" >&2; exit 1; }
export GO GOROOT="${GOROOT:-$(dirname "$(dirname "$GO")")}" GOTOOLCHAIN=local
cli="$root/bin/gotrace-render"
[ -f "$root/dist/cli.js" ] || (cd "$root" && npm run --silent build)

if [ $# -eq 0 ]; then
  set -- $(cd "$root/scenes" && for d in */; do [ -f "$d/scene.json" ] && printf '%s ' "${d%/}"; done)
fi

for name in "$@"; do
  dir="$root/scenes/$name"
  if [ -x "$dir/record.sh" ] && grep -q '"runtime/trace"' "$dir"/*.go; then
    echo "== $name (record.sh)"
    "$dir/record.sh"
  else
    echo "== $name"
    (cd "$dir" && "$cli" capture --go "$GO" --quiet -o trace.out . && \
      echo "wrote scenes/$name/trace.out ($(wc -c < trace.out) bytes)")
  fi
done
