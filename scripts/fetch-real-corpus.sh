#!/usr/bin/env bash
# Fetches real shell scripts for measuring nounset (never committed): the Debian packages
# bash-completion, devscripts and git (completion scripts, maintainer tools, git's shell tools),
# dehydrated, easy-rsa, neofetch and rkhunter (single-file tools of 80 to 580 KB, for the speed on
# one large file), libtool and autoconf/automake (ltmain.sh, 333 KB of portable sh full of `eval`,
# and the build-aux helpers every configure run uses), dkms, debootstrap, initramfs-tools-core,
# os-prober, ucf, console-setup and grub-common (system scripts in sh and bash), byobu, xdg-utils,
# git-extras, etckeeper, pass, shunit2 and cloud-guest-utils (user tools), and the npm package bats
# (bats-core's own scripts). Unpacks them under DIR (default
# .real-corpus/, gitignored) and keeps only shell scripts: files ending in .sh/.bash/.bats, the
# bash-completion completions, and files whose first line names a shell.
set -euo pipefail
dir=${1:-.real-corpus}
mkdir -p "$dir/debs" "$dir/unpacked"
dir=$(cd "$dir" && pwd)
(cd "$dir/debs" && apt-get download bash-completion devscripts git dehydrated easy-rsa neofetch rkhunter \
  libtool autoconf automake dkms debootstrap initramfs-tools-core os-prober ucf console-setup grub-common \
  byobu xdg-utils git-extras etckeeper pass shunit2 cloud-guest-utils 2>/dev/null)
for deb in "$dir"/debs/*.deb; do
  name=$(basename "$deb" | cut -d_ -f1)
  mkdir -p "$dir/unpacked/$name"
  dpkg-deb -x "$deb" "$dir/unpacked/$name"
done
(cd "$dir" && npm pack bats --silent >/dev/null && mkdir -p unpacked/bats && tar -xzf bats-*.tgz -C unpacked/bats)
out="$dir/scripts"
rm -rf "$out"
mkdir -p "$out"
cd "$dir/unpacked"
find . -type f \( -name '*.sh' -o -name '*.bash' -o -name '*.bats' -o -path '*/bash-completion/completions/*' -o -perm -u+x \) -print0 |
  while IFS= read -r -d '' f; do
    case "$f" in *.sh | *.bash | *.bats | */bash-completion/completions/*) ;; *)
      head -c 128 "$f" | head -n 1 | grep -Eq '^#! ?(/usr)?/bin/(env +)?(ba|da|k)?sh\b' || continue ;;
    esac
    mkdir -p "$out/$(dirname "$f")"
    cp "$f" "$out/$f"
  done
echo "$(find "$out" -type f | wc -l) scripts in $out"
