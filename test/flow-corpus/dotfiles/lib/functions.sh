#!/usr/bin/env bash
# Helpers for bootstrap.sh and install/*.sh. Sourced.

DOTFILES="${DOTFILES:-$HOME/.dotfiles}"
BACKUP_DIR="$HOME/.dotfiles-backup/$(date +%Y%m%d%H%M%S)"

case "$(uname -s)" in
	Darwin) OS=macos ;;
	Linux)
		OS=linux
		if [ -r /etc/os-release ]; then
			DISTRO="$(. /etc/os-release && echo "$ID")"
		fi
		;;
esac

if [ -t 1 ]; then
	bold=$(tput bold)
	green=$(tput setaf 2)
	yellow=$(tput setaf 3)
	reset=$(tput sgr0)
else
	bold="" green="" yellow="" reset=""
fi

info() { printf '%s==>%s %s\n' "$green$bold" "$reset" "$*"; }
warn() { printf '%s!!%s %s\n' "$yellow$bold" "$reset" "$*" >&2; }

has() { command -v "$1" >/dev/null 2>&1; }

link() {
	local src="$DOTFILES/$1" dest="$2"
	if [ -L "$dest" ] && [ "$(readlink "$dest")" = "$src" ]; then
		return 0
	fi
	if [ -e "$dest" ] || [ -L "$dest" ]; then
		mkdir -p "$BACKUP_DIR"
		mv "$dest" "$BACKUP_DIR/"
		info "backed up $dest"
	fi
	mkdir -p "$(dirname "$dest")"
	ln -s "$src" "$dest"
	info "linked $dest -> $src"
}

pkg_install() {
	case "$OS" in
		macos) brew install "$@" ;;
		linux)
			case "$DISTRO" in
				debian | ubuntu) sudo apt-get install -y "$@" ;;
				fedora) sudo dnf install -y "$@" ;;
				arch) sudo pacman -S --needed --noconfirm "$@" ;;
				*) warn "don't know how to install $* on $DISTRO" ;;
			esac
			;;
	esac
}
