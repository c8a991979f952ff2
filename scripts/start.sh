#!/usr/bin/env bash
# npm start: the extension in a real VS Code (code-server) in the browser, on examples/.
#
# Installs the dependencies, packages the extension, builds code-server once per machine
# (scripts/code-server-setup.sh), installs gcluster.vsix into a profile kept under
# ${XDG_CACHE_HOME:-$HOME/.cache}/gcluster/start, and serves VS Code on 127.0.0.1:${PORT:-8080}
# until Ctrl-C. Workspace trust stays on: the first visit asks whether to trust examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

port="${PORT:-8080}"
state="${XDG_CACHE_HOME:-$HOME/.cache}/gcluster/start"
examples="$root/examples"

npm install --no-audit --no-fund
entry="$(bash scripts/code-server-setup.sh | tail -n 1)"
npm run --silent package

mkdir -p "$state/extensions" "$state/user-data/User" "$state/xdg-config" "$state/xdg-data"
settings="$state/user-data/User/settings.json"
if [[ ! -f "$settings" ]]; then
  echo '{ "telemetry.telemetryLevel": "off" }' >"$settings"
fi

# code-server writes under these instead of the home folder; VSCODE_* variables of an outer VS Code
# terminal would make code-server hand its arguments to that VS Code instead of starting.
export XDG_CONFIG_HOME="$state/xdg-config" XDG_DATA_HOME="$state/xdg-data"
unset "${!VSCODE_@}" ELECTRON_RUN_AS_NODE
profile=(--extensions-dir "$state/extensions" --user-data-dir "$state/user-data")

node "$entry" --install-extension "$root/gcluster.vsix" --force "${profile[@]}" | { grep -v ' info ' || true; }

echo
echo "VS Code with the gcluster extension: http://127.0.0.1:$port/?folder=$examples"
echo "Stop it with Ctrl-C."
echo
exec node "$entry" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  "${profile[@]}" "$examples"
