//go:build tools

// Package tools only pins the upstream main packages that build.sh compiles, so
// that `go mod tidy` keeps k8s.io/kubernetes and everything they import in go.sum.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
)
