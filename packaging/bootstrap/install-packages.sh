#!/usr/bin/env bash
# Installs the Debian 12 packages Capstan builds and runs with, only those
# that are missing, so that a second run does nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config perl git ca-certificates xz-utils
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libgit2-dev libyaml-cpp-dev libsqlite3-dev libmimalloc-dev libicu-dev extra-cmake-modules libgl-dev qtkeychain-qt6-dev
  xvfb xauth
  gnome-keyring libsecret-1-0 dbus-daemon  # a Secret Service for the access-token test
  openssh-server  # sshd, ssh-keygen, ssh-keyscan, ssh-agent for the ssh remote test
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "capstan: these packages are missing: ${missing[*]}" >&2
  echo "capstan: run 'make' as root, or install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "capstan: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
