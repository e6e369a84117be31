#!/bin/sh
# Regenerates the golden references: each input/*.yaml, rendered by the reference
# renderer (`kubectl kustomize`, Kustomize v5.5.0) as the only resource of a
# throw-away kustomization, is written to reference/ under the same name.
# Usage: regenerate.sh [name.yaml ...]   (all inputs when none are given)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v kubectl >/dev/null || { echo "kubectl is not on PATH" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
printf 'resources:\n- resource.yaml\n' > "$work/kustomization.yaml"

if [ "$#" -eq 0 ]; then
    set -- $(cd "$here/input" && ls *.yaml)
fi
status=0
for name in "$@"; do
    cp "$here/input/$name" "$work/resource.yaml"
    if kubectl kustomize "$work" > "$work/out.yaml" 2> "$work/err.txt"; then
        cp "$work/out.yaml" "$here/reference/$name"
        echo "ok      $name"
    else
        echo "FAILED  $name: $(cat "$work/err.txt")" >&2
        status=1
    fi
done
exit $status
