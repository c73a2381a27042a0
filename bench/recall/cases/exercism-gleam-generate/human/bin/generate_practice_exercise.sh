#!/usr/bin/env bash

# Generates the files of a new practice exercise from the problem
# specifications (in the style of exercism/gleam's bin/).

set -euo pipefail

if [ $# -ne 1 ]; then
    echo "Usage: bin/generate_practice_exercise.sh <exercise-slug>"
    exit 1
fi

SLUG="$1"
exercise_dir="exercises/practice/${SLUG}"

echo "Creating Gleam project for ${SLUG}"
mkdir -p "${exercise_dir}/src" "${exercise_dir}/test"
bin/configlet sync --update --yes --docs --metadata --exercise "${SLUG}"
