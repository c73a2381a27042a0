#!/usr/bin/env bash
# Sensible macOS defaults. Does nothing elsewhere.
set -eu

source "$(dirname "$0")/../lib/functions.sh"

if [ "$OS" != macos ]; then
	exit 0
fi

info "setting macOS defaults"

osascript -e 'tell application "System Preferences" to quit' 2>/dev/null || true

# Keyboard: fast repeat, no press-and-hold
defaults write NSGlobalDomain KeyRepeat -int 2
defaults write NSGlobalDomain InitialKeyRepeat -int 15
defaults write NSGlobalDomain ApplePressAndHoldEnabled -bool false

# Finder
defaults write com.apple.finder AppleShowAllFiles -bool true
defaults write com.apple.finder ShowPathbar -bool true
defaults write NSGlobalDomain AppleShowAllExtensions -bool true

# Screenshots into ~/Screenshots
shots="$HOME/Screenshots"
mkdir -p "$shots"
defaults write com.apple.screencapture location -string "$shots"

# Dock
defaults write com.apple.dock autohide -bool true
defaults write com.apple.dock tilesize -int "${DOCK_SIZE:-42}"

for app in Finder Dock SystemUIServer; do
	killall "$app" >/dev/null 2>&1 || true
done
info "some changes need a logout to take effect"
