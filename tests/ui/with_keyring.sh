#!/bin/sh
# Runs a command with a Secret Service of its own: a private D-Bus session
# (started by the caller with dbus-run-session) and an unlocked gnome-keyring
# in a throwaway home.
set -e
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
printf 'capstan-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
