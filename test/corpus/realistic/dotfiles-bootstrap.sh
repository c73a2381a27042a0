#!/usr/bin/env bash
# ~/.dotfiles/bootstrap.sh — set up a new machine from this repository. ✨
#
#   git clone https://git.example.net/me/dotfiles ~/.dotfiles && ~/.dotfiles/bootstrap.sh
#
# Symlinks the files in home/ into ~, installs packages for the detected OS,
# sets up vim/tmux plugins, and picks a profile (work/personal) interactively.
# Safe to run again: existing files are moved to ~/.dotfiles-backup/<date>/.

set -euo pipefail

DOTFILES=${DOTFILES:-~/.dotfiles}
BACKUP_DIR=~/.dotfiles-backup/$(date +%Y-%m-%d_%H%M%S)
PROFILE_FILE=~/.config/dotfiles/profile
declare -i linked=0 skipped=0 backed_up=0
LINK_ICON=${DOTFILES_LINK_ICON:-🔗}

# Pretty output. The check marks are UTF-8; the terminal had better cope.
ok()   { printf '  \e[32m✔\e[0m %s\n' "$*"; }
skip() { printf '  \e[2m· %s\e[0m\n' "$*"; }
warn() { printf '  \e[33m⚠\e[0m %s\n' "$*" >&2; }
hdr()  { printf '\n\e[1m%s\e[0m\n' "$*"; }

function ask {
    # ask "Question?" [default y|n]
    local prompt=$1 default=${2:-n} reply
    local hint='[y/N]'
    [[ $default == y ]] && hint='[Y/n]'
    read -r -p "$prompt $hint " reply </dev/tty || reply=''
    reply=${reply:-$default}
    [[ ${reply,,} == y* ]]
}

function link_file() {
    local src=$1 dst=$2
    if [[ -L $dst && $(readlink "$dst") == "$src" ]]; then
        skip "${dst/#$HOME/\~} already linked"
        (( skipped += 1 ))
        return
    fi
    if [[ -e $dst || -L $dst ]]; then
        mkdir -p "$BACKUP_DIR/$(dirname "${dst#"$HOME"/}")"
        mv "$dst" "$BACKUP_DIR/${dst#"$HOME"/}"
        (( backed_up += 1 ))
    fi
    mkdir -p "$(dirname "$dst")"
    ln -s "$src" "$dst"
    ok "${LINK_ICON} ${dst/#$HOME/\~} → ${src/#$HOME/\~}"
    (( linked += 1 ))
}

link_all() {
    hdr "Linking dotfiles"
    local src rel
    # Every regular file under home/, including dotfiles, keeping the tree.
    while IFS= read -r -d '' src; do
        rel=${src#"$DOTFILES/home/"}
        case $rel in
            *.example | *.md | .DS_Store) continue ;;
        esac
        link_file "$src" "$HOME/$rel"
    done < <(find "$DOTFILES/home" -type f -print0)
}

detect_platform() {
    case "$(uname -s)" in
        Darwin) echo macos ;;
        Linux)
            if [[ -r /etc/os-release ]]; then
                # shellcheck disable=SC1091
                . /etc/os-release
                case " ${ID:-} ${ID_LIKE:-} " in
                    *" debian "* | *" ubuntu "*) echo debian ;;
                    *" fedora "* | *" rhel "*) echo fedora ;;
                    *" arch "*) echo arch ;;
                    *) echo linux ;;
                esac
            else
                echo linux
            fi
            ;;
        *) echo unknown ;;
    esac
}

install_packages() {
    local platform=$1
    local -a common=(git tmux ripgrep fzf jq htop tree curl)
    hdr "Packages for ${platform^}"
    case $platform in
        macos)
            command -v brew >/dev/null || warn "Homebrew missing: see https://brew.sh"
            brew bundle --file="$DOTFILES/Brewfile" --no-lock || warn "brew bundle failed"
            ;;
        debian)
            sudo apt-get update -qq
            sudo apt-get install -y -qq "${common[@]}" fd-find bat neovim
            # Debian renames these two; give them their usual names.
            mkdir -p ~/.local/bin
            ln -sf "$(command -v fdfind)" ~/.local/bin/fd
            ln -sf "$(command -v batcat)" ~/.local/bin/bat
            ;;
        fedora) sudo dnf install -y -q "${common[@]}" fd-find bat neovim ;;
        arch) sudo pacman -S --needed --noconfirm "${common[@]}" fd bat neovim ;;
        *) warn "don't know how to install packages on this system; skipping" ;;
    esac
}

setup_tmux() {
    hdr "tmux"
    local tpm=~/.tmux/plugins/tpm
    if [[ -d $tpm/.git ]]; then
        git -C "$tpm" pull -q --ff-only && ok "tpm updated"
    else
        git clone -q --depth=1 https://github.com/tmux-plugins/tpm "$tpm" && ok "tpm installed"
    fi
}

setup_vim() {
    hdr "Neovim"
    mkdir -p ~/.local/share/nvim/{backup,swap,undo}
    if command -v nvim >/dev/null; then
        nvim --headless '+Lazy! sync' +qa >/dev/null 2>&1 && ok "plugins synced" || warn "plugin sync failed"
    else
        skip "nvim not installed"
    fi
}

choose_profile() {
    hdr "Profile"
    local current=''
    [[ -f $PROFILE_FILE ]] && current=$(<"$PROFILE_FILE")
    if [[ -n $current ]] && ! ask "Profile is '${current}'. Change it?"; then
        return
    fi
    PS3=$'\nWhich profile? '
    select profile in work personal minimal "keep current"; do
        case $profile in
            work | personal | minimal)
                mkdir -p "${PROFILE_FILE%/*}"
                echo "$profile" >"$PROFILE_FILE"
                ok "profile set to ${profile}"
                break
                ;;
            "keep current") break ;;
            *) echo "Bitte eine Zahl von 1 bis 4 eingeben. / Veuillez choisir 1–4." ;;
        esac
    done </dev/tty
}

git_identity() {
    hdr "Git identity"
    local name email
    name=$(git config --global user.name || true)
    email=$(git config --global user.email || true)
    if [[ -n $name && -n $email ]]; then
        skip "already configured as ${name} <${email}>"
        return
    fi
    read -r -p "  Full name (z. B. „Jürgen Müller“): " name </dev/tty
    read -r -p "  E-mail: " email </dev/tty
    # Write to the untracked local include so the repo stays generic.
    cat >~/.gitconfig.local <<EOF
[user]
	name = ${name}
	email = ${email}
EOF
    ok "wrote ~/.gitconfig.local"
}

set_login_shell() {
    local want
    want=$(command -v zsh || command -v bash)
    if [[ ${SHELL##*/} != "${want##*/}" ]] && ask "Change login shell to ${want}?"; then
        grep -qxF "$want" /etc/shells || echo "$want" | sudo tee -a /etc/shells >/dev/null
        chsh -s "$want" && ok "login shell is now ${want}"
    fi
}

main() {
    [[ -d $DOTFILES/home ]] || { echo "expected $DOTFILES/home — is the repo cloned there?" >&2; exit 1; }
    printf '\e[1m🏠 Dotfiles bootstrap\e[0m (%s)\n' "$DOTFILES"

    local platform
    platform=$(detect_platform)
    link_all
    if [[ ${1:-} != --links-only ]]; then
        install_packages "$platform"
        setup_tmux
        setup_vim
        git_identity
        choose_profile
        set_login_shell
    fi

    hdr "Summary"
    printf '  %d linked, %d already in place, %d backed up' "$linked" "$skipped" "$backed_up"
    (( backed_up > 0 )) && printf ' (to %s)' "${BACKUP_DIR/#$HOME/\~}"
    printf '\n\n  Fertig! C’est fini ! 完成了 🎉\n'
}

main "$@"
