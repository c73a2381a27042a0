#!/usr/bin/env bash
# Installs the Nerd Fonts listed in FONTS into the user font directory.
set -euo pipefail

. "$(dirname "$0")/../lib/functions.sh"

FONTS=(JetBrainsMono FiraCode Hack)
NERD_FONTS_VERSION="v3.2.1"

if [ "$OS" = macos ]; then
	font_dir="$HOME/Library/Fonts"
else
	font_dir="${XDG_DATA_HOME:-$HOME/.local/share}/fonts"
fi
mkdir -p "$font_dir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for font in "${FONTS[@]}"; do
	if ls "$font_dir/$font"*NerdFont* >/dev/null 2>&1; then
		info "$font already installed"
		continue
	fi
	info "installing $font Nerd Font"
	curl -fsSL -o "$tmp/$font.zip" \
		"https://github.com/ryanoasis/nerd-fonts/releases/download/$NERD_FONTS_VERSION/$font.zip"
	unzip -oq "$tmp/$font.zip" -d "$font_dir" '*.ttf'
	installed_any=1
done

if [ "${installed_any:-0}" = 1 ] && has fc-cache; then
	fc-cache -f "$font_dir"
fi
