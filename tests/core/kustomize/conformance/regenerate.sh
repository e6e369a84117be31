#!/bin/sh
# Regenerates the golden files of the kustomize conformance suite from the
# reference renderer, `kubectl kustomize` (Kustomize v5.5.0).
#
# Each folder under cases/ is one kustomization tree. Its case.txt may say
#   render: overlays/prod    the directory to render (default: the case folder)
#   error: true              kubectl must fail; expected.error is written by hand
# For a normal case this writes expected.yaml (stdout) and expected.stderr
# (warnings). For an error case it only checks that kubectl still fails, and
# prints kubectl's message so the hand-written substring can be checked.
#
# Usage: regenerate.sh [CASE-NAME...]   (default: every case)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kubectl=${KUBECTL:-kubectl}
command -v "$kubectl" >/dev/null || { echo "regenerate.sh: $kubectl is not on PATH" >&2; exit 2; }

field() { # field CASE-DIR KEY -> value of "KEY: value" in case.txt, if any
    [ -f "$1/case.txt" ] || return 0
    sed -n "s/^$2:[[:space:]]*//p" "$1/case.txt" | head -n 1
}

if [ $# -gt 0 ]; then cases="$*"; else cases=$(ls "$here/cases"); fi

failed=0
for name in $cases; do
    dir="$here/cases/$name"
    [ -d "$dir" ] || { echo "no such case: $name" >&2; failed=1; continue; }
    target=$(field "$dir" render)
    target=${target:-.}
    # Render from inside the case so that any path kubectl prints is relative.
    if [ "$(field "$dir" error)" = "true" ]; then
        if (cd "$dir" && "$kubectl" kustomize "$target" >/dev/null 2>"$dir/.kubectl-error"); then
            echo "FAIL $name: kubectl succeeded but the case expects an error" >&2
            failed=1
        else
            echo "error $name: $(tail -n 1 "$dir/.kubectl-error")"
            [ -s "$dir/expected.error" ] || { echo "  missing expected.error" >&2; failed=1; }
        fi
        rm -f "$dir/.kubectl-error"
        rm -f "$dir/expected.yaml" "$dir/expected.stderr"
    else
        if (cd "$dir" && "$kubectl" kustomize "$target" >"$dir/expected.yaml" 2>"$dir/expected.stderr"); then
            echo "ok    $name"
        else
            echo "FAIL $name: kubectl failed:" >&2
            cat "$dir/expected.stderr" >&2
            rm -f "$dir/expected.yaml" "$dir/expected.stderr"
            failed=1
        fi
    fi
done
exit $failed
