#!/usr/bin/env bash
# Links the dotfiles into $HOME and installs the basics.
#   ./bootstrap.sh [--no-packages] [--only NAME ...]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
DOTFILES="$PWD"
source lib/functions.sh

INSTALL_PACKAGES=1
ONLY=()

while [ $# -gt 0 ]; do
	case "$1" in
		--no-packages) INSTALL_PACKAGES=0 ;;
		--only)
			shift
			ONLY+=("$1")
			;;
		*)
			warn "unknown argument: $1"
			exit 2
			;;
	esac
	shift
done

wanted() {
	[ ${#ONLY[@]} -eq 0 ] && return 0
	local x
	for x in "${ONLY[@]}"; do
		[ "$x" = "$1" ] && return 0
	done
	return 1
}

if wanted shell; then
	link shell/bashrc "$HOME/.bashrc"
	link shell/bash_profile "$HOME/.bash_profile"
	link shell/inputrc "$HOME/.inputrc"
	[ -d "$HOME/.zsh" ] && link shell/zshrc "$HOME/.zshrc"
fi
if wanted git; then
	link git/gitconfig "$HOME/.gitconfig"
	link git/gitignore_global "$HOME/.config/git/ignore"
	if [ ! -f "$HOME/.gitconfig.local" ]; then
		read -r -p "git user.name: " git_name
		read -r -p "git user.email: " git_email
		printf '[user]\n\tname = %s\n\temail = %s\n' "$git_name" "$git_email" >"$HOME/.gitconfig.local"
	fi
fi
if wanted vim; then
	link vim/vimrc "$HOME/.vimrc"
	link nvim "$HOME/.config/nvim"
fi
if wanted tmux; then
	link tmux/tmux.conf "$HOME/.tmux.conf"
fi

if [ "$INSTALL_PACKAGES" = 1 ]; then
	if [ "$OS" = macos ] && ! has brew; then
		info "installing Homebrew"
		/bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"
	fi
	pkg_install git tmux neovim ripgrep fzf jq
	for script in install/*.sh; do
		info "running $script"
		bash "$script"
	done
fi

if [ -d "$BACKUP_DIR" ]; then
	info "replaced files were moved to $BACKUP_DIR"
fi
info "done on $OS${DISTRO:+ ($DISTRO)}"
