#!/bin/sh
# Sets gotrace-render up on this machine and renders the default scene:
#   1. installs the npm dependencies (which also builds the tool);
#   2. makes sure a browser and ffmpeg exist: as root on Debian/Ubuntu it
#      installs the missing packages with apt-get, otherwise it prints the
#      command to run and stops;
#   3. renders the ping-pong scene's real trace to output/ as MP4 and GIF.
set -eu
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "error: gotrace-render needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))"
  exit 1
fi

say "==> installing npm dependencies"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

# Packages to ask for when something is missing. Mesa's EGL driver lets
# Chromium draw with llvmpipe, about twice as fast as its built-in SwiftShader.
missing=""
if ! bin/gotrace-render doctor --check browser >/dev/null 2>&1; then missing="$missing chromium"; fi
if ! bin/gotrace-render doctor --check ffmpeg >/dev/null 2>&1; then missing="$missing ffmpeg"; fi
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1 && [ -r /usr/share/keyrings/debian-archive-keyring.gpg -o -r /etc/debian_version ]; then
  [ -f /usr/lib/x86_64-linux-gnu/libEGL_mesa.so.0 ] || missing="$missing libegl-mesa0 libgl1-mesa-dri"
fi

if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "==> installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  else
    bin/gotrace-render doctor >&2 || true
    if command -v apt-get >/dev/null 2>&1; then
      say "error: missing:$missing — run: sudo apt-get install$missing   (then run this again)"
    else
      say "error: missing:$missing — install them with your package manager, or set CHROME_PATH / FFMPEG_PATH (then run this again)"
    fi
    exit 1
  fi
fi

bin/gotrace-render doctor

say "==> rendering scenes/ping-pong/trace.out"
mkdir -p output
bin/gotrace-render render scenes/ping-pong/trace.out -o output/ping-pong.mp4
bin/gotrace-render render scenes/ping-pong/trace.out -o output/ping-pong.gif
say "done: open output/ping-pong.mp4 and output/ping-pong.gif"
