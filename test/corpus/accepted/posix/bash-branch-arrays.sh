#!/bin/sh
# A POSIX script with a branch only bash runs: arrays, indirection and @ operators, which
# dash -n accepts ("Bad substitution" only if dash ran them).
name=HOME
if [ -n "${BASH_VERSION:-}" ]; then
  echo "${!name}" "${BASH_VERSINFO[0]}" "${#FUNCNAME[@]}" "${name@U}"
  echo "$(( ${#BASH_ARGV[@]} + 1 ))" "${name:-${BASH_SOURCE[0]}}"
else
  echo "$name"
fi
