#!/usr/bin/env bash
# Builds the real control plane for the conformance suite from the Go module proxy:
#   kube-apiserver, kube-controller-manager  from k8s.io/kubernetes   (wrapper module conformance/k8s)
#   etcd                                     from go.etcd.io/etcd/server/v3 (wrapper module conformance/etcd)
# into ${KJOBS_CACHE_DIR:-~/.cache/kjobs}/k8s-<version>/ and .../etcd-<version>/, skipping a set that is
# already there. The versions are the ones pinned in the wrappers' go.mod files.
#
# stdout: two lines, "k8s=<dir>" and "etcd=<dir>"; everything else goes to stderr.
# The compile runs under `nice -n 19` with at most KJOBS_BUILD_JOBS (default 2) parallel compile jobs,
# so that it does not disturb other work on a small machine.
# Go 1.26+: etcd v3.6.16's go.mod says `go 1.26.0` (k8s.io/kubernetes v1.34.12 says 1.25.0).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${KJOBS_CACHE_DIR:-$HOME/.cache/kjobs}"
jobs="${KJOBS_BUILD_JOBS:-2}"
# Go's compile cache for these builds lives beside the binaries unless the caller chose one.
export GOCACHE="${GOCACHE:-$cache/go-build}"

if ! command -v go >/dev/null 2>&1; then
	echo "conformance: needs Go 1.26 or newer on PATH (no \`go\` found) to build kube-apiserver, kube-controller-manager and etcd from the Go module proxy" >&2
	exit 2
fi

required_version() { # <go.mod> <module path>
	awk -v m="$2" '($1 == "require" && $2 == m) || $1 == m { print ($1 == "require" ? $3 : $2); exit }' "$1"
}

k8s_version="$(required_version "$here/k8s/go.mod" k8s.io/kubernetes)"
etcd_version="$(required_version "$here/etcd/go.mod" go.etcd.io/etcd/server/v3)"
k8s_dir="$cache/k8s-$k8s_version"
etcd_dir="$cache/etcd-$etcd_version"

# The publication time of a module version, from the proxy's .info file: a reproducible buildDate.
module_time() { # <module dir> <module path> <version>
	(cd "$1" && go list -m -json "$2@$3" | sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' | head -1)
}

build() { # <label> <module dir> <out dir> <ldflags> <packages...>
	local label="$1" dir="$2" out="$3" ldflags="$4"
	shift 4
	local tmp="$out.tmp.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	echo "conformance: building $label into $out (nice 19, -p $jobs; this takes a while when the build cache is cold)" >&2
	local start end
	start=$(date +%s)
	(cd "$dir" && CGO_ENABLED=0 GOFLAGS="-mod=readonly" nice -n 19 go build -p "$jobs" -trimpath \
		-tags=selinux,notest,grpcnotrace -ldflags "$ldflags" -o "$tmp/" "$@")
	end=$(date +%s)
	{
		echo "label: $label"
		echo "go: $(go version)"
		echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
		echo "seconds: $((end - start))"
		echo "parallel: -p $jobs under nice -n 19, $(nproc) cores"
		echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
	} >"$tmp/build-info.txt"
	rm -rf "$out"
	mv "$tmp" "$out"
	echo "conformance: built $label in $((end - start)) s" >&2
}

if [ -x "$k8s_dir/kube-apiserver" ] && [ -x "$k8s_dir/kube-controller-manager" ]; then
	echo "conformance: cached $k8s_dir" >&2
else
	minor="${k8s_version#v1.}"
	minor="${minor%%.*}"
	ld="-s -w"
	for kv in "gitVersion=$k8s_version" gitMajor=1 "gitMinor=$minor" gitTreeState=clean gitCommit= \
		"buildDate=$(module_time "$here/k8s" k8s.io/kubernetes "$k8s_version")"; do
		ld="$ld -X k8s.io/component-base/version.$kv -X k8s.io/client-go/pkg/version.$kv"
	done
	build "kube-apiserver + kube-controller-manager $k8s_version" "$here/k8s" "$k8s_dir" "$ld" \
		k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
fi

if [ -x "$etcd_dir/etcd" ]; then
	echo "conformance: cached $etcd_dir" >&2
else
	build "etcd $etcd_version" "$here/etcd" "$etcd_dir" \
		"-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=module-$etcd_version" go.etcd.io/etcd/server/v3
	# `go build -o dir/` names a /vN main package after the element before the version suffix.
	for name in server v3; do
		if [ -e "$etcd_dir/$name" ]; then mv "$etcd_dir/$name" "$etcd_dir/etcd"; fi
	done
fi

echo "k8s=$k8s_dir"
echo "etcd=$etcd_dir"
