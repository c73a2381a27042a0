#!/usr/bin/env bash
# Loads the table_version functions into a database without the extension
# (in the style of linz/postgresql-tableversion's loader).

set -o errexit -o noclobber -o nounset -o pipefail

tgt_db=
ext_mode=on
ver=

usage() {
  echo "Usage: $0 [--no-extension] [--version <ver>] <database>" >&2
}

while test -n "$1"
do
  if test "$1" = "--no-extension"
  then
    ext_mode=off
  elif test "$1" = "--version"
  then
    shift; ver=$1
  elif test -z "${tgt_db}"
  then
    tgt_db=$1
  else
    usage
    exit 1
  fi
  shift
done

if test -z "${tgt_db}"
then
  usage
  exit 1
fi

echo "loading table_version ${ver:-latest} into ${tgt_db} (extension mode: ${ext_mode})"
