#!/bin/sh
# shellcheck shell=sh
# Shape of asdf's asdf.sh, sourced by sh, bash and zsh alike: the bash and zsh branches use
# their own syntax, which dash -n accepts and would reject only when run ("Bad substitution").
if [ -n "${ASDF_DIR:-}" ]; then
  :
elif [ -n "${BASH_VERSION:-}" ]; then
  ASDF_DIR="$(dirname "${BASH_SOURCE[0]}")"
  ASDF_DIR=${BASH_SOURCE[0]%/*}
elif [ -n "${ZSH_VERSION:-}" ]; then
  ASDF_DIR="$(dirname "${(%):-%x}")"
fi
export ASDF_DIR
if [ -n "${BASH_VERSION:-}" ]; then
  [[ -n $ASDF_DIR &&
    # only when the directory exists
    -d $ASDF_DIR ]] && echo "bash: ${#BASH_SOURCE[@]} ${!ASDF_DIR} ${ASDF_DIR@Q}"
fi
