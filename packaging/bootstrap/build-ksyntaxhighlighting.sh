#!/usr/bin/env bash
# Builds KSyntaxHighlighting 5.116.0 (the last KF5 release) against Qt 6 into a
# private prefix. Debian 12 ships it only for Qt 5, and KF6 needs a newer Qt.
# The source is Debian's own tarball, fetched with apt's tools and checked by
# sha256. Does nothing when the prefix already holds the library.
set -euo pipefail

prefix=${1:?usage: build-ksyntaxhighlighting.sh PREFIX}
version=5.116.0
sha256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7
tarball=ksyntax-highlighting_${version}.orig.tar.xz

if [ -f "$prefix/lib/cmake/KF5SyntaxHighlighting/KF5SyntaxHighlightingConfig.cmake" ] \
   && [ -f "$prefix/.capstan-qt6" ]; then
  exit 0
fi

work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# A private apt configuration holding one deb-src line for trixie; the mirror is
# whatever this machine's own Debian sources use.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [ -z "$mirror" ]; then
  mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
if [ -z "$mirror" ]; then
  echo "capstan: cannot find this machine's Debian mirror in /etc/apt" >&2
  exit 1
fi
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/apt/sources.list.d"
: > "$work/apt/sources.list"
cat > "$work/apt/sources.list.d/trixie-src.sources" <<SRC
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
aptopts=(
  -o "Dir::Etc::sourcelist=$work/apt/sources.list"
  -o "Dir::Etc::sourceparts=$work/apt/sources.list.d"
  -o "Dir::State::Lists=$work/apt/lists"
  -o "Dir::Cache=$work/apt/cache"
  -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=root"
)
echo "capstan: fetching KSyntaxHighlighting $version source"
apt-get "${aptopts[@]}" update -qq
url=$(apt-get "${aptopts[@]}" source --print-uris "ksyntax-highlighting=${version}-1" \
      | awk -v t="$tarball" 'index($0, t) {gsub("\047", "", $1); print $1; exit}')
if [ -z "$url" ]; then
  echo "capstan: the package index has no $tarball" >&2
  exit 1
fi
/usr/lib/apt/apt-helper -o "APT::Sandbox::User=root" download-file "$url" "$work/$tarball" "SHA256:$sha256" >/dev/null
echo "$sha256  $work/$tarball" | sha256sum -c --quiet -

tar -C "$work" -xf "$work/$tarball"
src=$(find "$work" -maxdepth 1 -type d -name 'syntax-highlighting-*' | head -n1)
# 5.116 asks for ECM 5.116; Debian 12 has 5.103, which builds it fine.
sed -i -E 's/find_package\(ECM [0-9.]+/find_package(ECM 5.103.0/' "$src/CMakeLists.txt"

echo "capstan: building KSyntaxHighlighting $version against Qt 6 into $prefix"
cmake -S "$src" -B "$work/build" -G Ninja -Wno-dev \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DQT_MAJOR_VERSION=6 \
  -DKDE_INSTALL_LIBDIR=lib \
  -DKDE_SKIP_RPATH_SETTINGS=ON \
  -DCMAKE_INSTALL_RPATH="$prefix/lib" \
  -DBUILD_TESTING=OFF -DBUILD_QCH=OFF >"$work/build.log" 2>&1 \
  && cmake --build "$work/build" >>"$work/build.log" 2>&1 \
  && cmake --install "$work/build" >>"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "capstan: building KSyntaxHighlighting failed" >&2; exit 1; }
touch "$prefix/.capstan-qt6"
echo "capstan: KSyntaxHighlighting installed in $prefix"
