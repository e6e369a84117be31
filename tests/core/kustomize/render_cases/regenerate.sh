#!/bin/sh
# Captures the reference output of every case in this folder from
# `kubectl kustomize` (Kustomize v5.5.0): expected.out (stdout), expected.err
# (stderr warnings), or expected.fail (a line of the error) when it refuses.
set -e
cd "$(dirname "$0")"
for kfile in $(find . -name kustomization.yaml | sort); do
    dir=$(dirname "$kfile")
    grep -q '^kind: Component' "$kfile" && continue
    rm -f "$dir/expected.out" "$dir/expected.err" "$dir/expected.fail"
    if kubectl kustomize "$dir" >"$dir/expected.out" 2>"$dir/expected.raw"; then
        # Only kustomize's deprecation warnings; klog lines carry timestamps.
        grep '^# Warning' "$dir/expected.raw" >"$dir/expected.err" || true
        rm -f "$dir/expected.raw"
        [ -s "$dir/expected.err" ] || rm -f "$dir/expected.err"
    else
        rm -f "$dir/expected.out" "$dir/expected.raw"
        # Keep a hand-written expected.fail (words the error must name); default: none.
        [ -f "$dir/expected.fail.keep" ] && cp "$dir/expected.fail.keep" "$dir/expected.fail" || : >"$dir/expected.fail"
        rm -f "$dir/expected.err"
    fi
done
