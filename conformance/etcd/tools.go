//go:build tools

// Package tools pins etcd's upstream main package (go.etcd.io/etcd/server/v3 is
// `package main`), which build.sh compiles.
package tools

import _ "go.etcd.io/etcd/server/v3"
