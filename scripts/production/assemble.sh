#!/bin/sh
# The production install, assembled from a built checkout into a folder of its own: the compiled bot and
# operator commands (dist/), the card templates (cards/), the tabs' pages (web/tab/), and the production
# dependencies only, exactly as package-lock.json pins them. The Dockerfile runs this, and so does the
# production-install test, so what the test proves is what the image holds.
#   sh scripts/production/assemble.sh <out-dir>      (DIST=<folder> to take the build from elsewhere)
set -eu
out="${1:?usage: assemble.sh <out-dir>}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${DIST:-$here/dist}"
if [ ! -f "$dist/src/main.js" ] || [ ! -f "$dist/scripts/safer-towns.js" ]; then
  echo "Nothing built in $dist: run npm run build first" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
cp -R "$dist" "$out/dist"
mkdir -p "$out/web"
cp -R "$here/web/tab" "$out/web/tab"
cp -R "$here/cards" "$here/package.json" "$here/package-lock.json" "$out/"
chmod +x "$out/dist/scripts/safer-towns.js"
cd "$out"
# --ignore-scripts: no package's install script runs in production; --prefer-offline: CI's cache is warm.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline
# What Node never reads at run time: source maps, type declarations, TypeScript sources and Markdown (licence
# and notice files kept). More than half the install's weight; test/integration/production-install.test.ts
# imports every dependency from what is left, so a file something did need would fail it.
find node_modules -type f \( -name '*.map' -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' \
  -o \( -name '*.md' ! -iname 'licen*' ! -iname 'notice*' \) \) -delete
