#!/bin/sh
# Fuzz-style comparison of Capstan's renderer with `kubectl kustomize`:
# generates random-but-valid kustomization trees (gen_random_trees), renders
# each with both, and prints the share that is byte-identical (stdout and the
# warnings on stderr).
#
# Usage: compare_random.sh [-n COUNT] [-s SEED] [-b BUILD-DIR] [-k KEEP-DIR] [-v]
#   -n  number of trees (default 200)        -s  seed (default 1)
#   -b  Capstan build directory (default: build/ at the repository root)
#   -k  write the trees (and both outputs) here and keep them
#   -v  show the first lines of every difference
# Capstan renders with BUILD/app/capstanctl render DIR when that exists, else
# with BUILD/bench/kustomize/bench_render --print DIR.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
count=200 seed=1 build="$here/../../build" keep="" verbose=0
while getopts n:s:b:k:v opt; do
    case $opt in
        n) count=$OPTARG ;; s) seed=$OPTARG ;; b) build=$OPTARG ;; k) keep=$OPTARG ;; v) verbose=1 ;;
        *) sed -n '2,14p' "$0" >&2; exit 2 ;;
    esac
done

gen="$build/bench/kustomize/gen_random_trees"
[ -x "$gen" ] || { echo "compare_random.sh: $gen not built (cmake --build $build --target gen_random_trees)" >&2; exit 2; }
if [ -x "$build/app/capstanctl" ]; then
    render() { "$build/app/capstanctl" render "$1"; }
    renderer="capstanctl render"
elif [ -x "$build/bench/kustomize/bench_render" ]; then
    render() { "$build/bench/kustomize/bench_render" --print "$1"; }
    renderer="bench_render --print"
else
    echo "compare_random.sh: neither $build/app/capstanctl nor $build/bench/kustomize/bench_render is built" >&2
    exit 2
fi
command -v kubectl >/dev/null || { echo "compare_random.sh: kubectl is not on PATH" >&2; exit 2; }

if [ -n "$keep" ]; then
    # Stale trees from an earlier run would be counted again.
    [ -z "$(ls -A "$keep" 2>/dev/null)" ] || { echo "compare_random.sh: $keep is not empty" >&2; exit 2; }
    work=$keep; mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/capstan-random-XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
"$gen" --out "$work" --count "$count" --seed "$seed" >/dev/null

identical=0 stdout_only=0 differ=0 refused=0 both_refused=0 capstan_failed=0
for tree in "$work"/tree-*; do
    target="$tree/$(sed -n 's/^render: //p' "$tree/case.txt")"
    if ! kubectl kustomize "$target" >"$tree/.kubectl.out" 2>"$tree/.kubectl.err"; then
        refused=$((refused + 1))
        render "$target" >/dev/null 2>&1 || both_refused=$((both_refused + 1))
        continue
    fi
    if ! render "$target" >"$tree/.capstan.out" 2>"$tree/.capstan.err"; then
        capstan_failed=$((capstan_failed + 1))
        echo "FAILED  $(basename "$tree"): $(head -c 300 "$tree/.capstan.err")"
        continue
    fi
    if cmp -s "$tree/.kubectl.out" "$tree/.capstan.out"; then
        if cmp -s "$tree/.kubectl.err" "$tree/.capstan.err"; then
            identical=$((identical + 1))
            continue
        fi
        stdout_only=$((stdout_only + 1))
        echo "STDERR  $(basename "$tree")"
        [ $verbose = 1 ] && diff "$tree/.kubectl.err" "$tree/.capstan.err" | head -n 8 || true
    else
        differ=$((differ + 1))
        echo "DIFFERS $(basename "$tree")"
        [ $verbose = 1 ] && diff "$tree/.kubectl.out" "$tree/.capstan.out" | head -n 12 || true
    fi
done

valid=$((count - refused))
echo "renderer: $renderer; trees: $count (seed $seed); valid for kubectl: $valid"
echo "byte-identical (stdout and stderr): $identical; stdout only: $stdout_only; different: $differ; Capstan failed: $capstan_failed"
[ $refused -gt 0 ] && echo "kubectl refused $refused trees; Capstan refused $both_refused of them too"
if [ $valid -gt 0 ]; then
    awk -v a="$identical" -v b="$valid" 'BEGIN { printf "identical: %.1f%% (target >= 99%%)\n", 100 * a / b }'
fi
