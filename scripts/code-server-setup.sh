#!/usr/bin/env bash
# Builds code-server (a real VS Code 1.100.3 that runs in a browser) once per machine, for the
# integration tests and `npm start` (see test/vscode/README.md).
#
# - Installs the Debian packages it needs (libkrb5-dev, ripgrep, chromium) when one is missing.
# - Builds code-server into ${XDG_CACHE_HOME:-$HOME/.cache}/gcluster/code-server-<version>/, a
#   standalone npm prefix outside the checkout. The build happens in a temporary folder that is
#   renamed into place only after every step succeeded, so an interrupted build never looks complete.
# - A second run finds the marker file and returns at once.
#
# All progress goes to stderr. The last line on stdout is the path of code-server's entry point,
# to be started with `node <entry> ...`.
set -euo pipefail

readonly VERSION=4.100.3
readonly CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/gcluster"
readonly DEST="$CACHE/code-server-$VERSION"
readonly MARKER=.gcluster-build-complete
readonly ENTRY_REL=node_modules/code-server/out/node/entry.js
readonly NATIVE_MODULES=(kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog)
readonly DEBIAN_PACKAGES=(libkrb5-dev ripgrep chromium)

log() { echo "code-server-setup: $*" >&2; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  log "code-server $VERSION needs Node 20; this is Node $(node --version)."
  exit 1
fi

# --- Debian packages -------------------------------------------------------------------------------
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  log "installing Debian packages: ${missing[*]}"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}" >&2
fi

# --- code-server -----------------------------------------------------------------------------------
mkdir -p "$CACHE"
# One build at a time per machine; a second caller waits and then finds the finished build.
exec 9>"$CACHE/.code-server-$VERSION.lock"
flock 9

if [[ -f "$DEST/$MARKER" && -f "$DEST/$ENTRY_REL" ]]; then
  echo "$DEST/$ENTRY_REL"
  exit 0
fi

# Left over by a build that was killed outright; no build is running now (we hold the lock).
rm -rf "$CACHE/.code-server-$VERSION.build."*

started=$SECONDS
log "building code-server $VERSION into $DEST (about a minute, once per machine)"
work="$(mktemp -d "$CACHE/.code-server-$VERSION.build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# node-gyp must build against the machine's Node headers (npm config nodedir, or the Debian
# headers under /usr/include/node): it cannot download them here. npm's own node-gyp needs no
# download either; `npx node-gyp` is the fall-back.
nodedir="$(npm config get nodedir 2>/dev/null | tail -n 1)"
if [[ -z "$nodedir" || "$nodedir" == undefined || "$nodedir" == null ]]; then
  nodedir=""
  if [[ -f /usr/include/node/node_version.h ]]; then nodedir=/usr; fi
fi
npm_root="$(dirname "$(readlink -f "$(command -v npm)")")/.."
node_gyp=(npx --yes node-gyp)
if [[ -f "$npm_root/node_modules/node-gyp/bin/node-gyp.js" ]]; then
  node_gyp=(node "$npm_root/node_modules/node-gyp/bin/node-gyp.js")
fi
if [[ -n "$nodedir" ]]; then node_gyp+=("--nodedir=$nodedir"); fi

npm_quiet=(--no-audit --no-fund --loglevel=error)

cd "$work"
echo '{ "private": true }' >package.json
log "npm install code-server@$VERSION --ignore-scripts"
npm install "code-server@$VERSION" --ignore-scripts "${npm_quiet[@]}" >&2

vscode="$work/node_modules/code-server/lib/vscode"
cd "$vscode"
log "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2
for module in "${NATIVE_MODULES[@]}"; do
  log "lib/vscode: node-gyp rebuild $module"
  (cd "node_modules/$module" && "${node_gyp[@]}" rebuild -j max >&2)
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar

cd "$vscode/extensions"
log "lib/vscode/extensions: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2
node ./postinstall.mjs >&2

cd "$work"
log "npm rebuild argon2"
npm rebuild argon2 "${npm_quiet[@]}" >&2

# A smoke test; code-server writes a default config file under XDG_CONFIG_HOME, so not at home.
mkdir -p "$work/.smoke"
version_line="$(XDG_CONFIG_HOME="$work/.smoke" XDG_DATA_HOME="$work/.smoke" node "$work/$ENTRY_REL" --version | grep -v ' info ' | head -n 1)"
rm -rf "$work/.smoke"
if [[ "$version_line" != "$VERSION "* ]]; then
  log "unexpected output of code-server --version: $version_line"
  exit 1
fi
log "code-server --version: $version_line"
date -u +%FT%TZ >"$work/$MARKER"
chmod 755 "$work"

cd "$CACHE"
rm -rf "$DEST"
mv "$work" "$DEST"
trap - EXIT
log "built in $((SECONDS - started)) s"
echo "$DEST/$ENTRY_REL"
