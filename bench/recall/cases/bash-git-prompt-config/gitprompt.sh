#!/usr/bin/env bash
# Informative git prompt for bash (excerpt), in the style of
# magicmonty/bash-git-prompt's gitprompt.sh. Sourced from ~/.bashrc;
# setGitPrompt runs from PROMPT_COMMAND.

function get_theme() {
  local CUSTOM_THEME_FILE="${HOME}/.git-prompt-colors.sh"
  local DEFAULT_THEME_FILE="${__GIT_PROMPT_DIR}/themes/Default.bgptheme"

  if [[ -z "${GIT_PROMPT_THEME}" ]]; then
    if [[ -r "${CUSTOM_THEME_FILE}" ]]; then
      GIT_PROMPT_THEME="Custom"
      __GIT_PROMPT_THEME_FILE="${CUSTOM_THEME_FILE}"
    else
      GIT_PROMPT_THEME="Default"
      __GIT_PROMPT_THEME_FILE="${DEFAULT_THEME_FILE}"
    fi
  fi
}

function git_prompt_config() {
  # Use the theme file the user chose, else find one
  if [[ "x${GIT_PROMPT_THEME_FILE}" == "x" ]]; then
    get_theme
  else
    __GIT_PROMPT_THEME_FILE="${GIT_PROMPT_THEME_FILE}"
  fi
  GIT_PROMPT_PREFIX="${GIT_PROMPT_PREFIX:-[}"
  GIT_PROMPT_SUFFIX="${GIT_PROMPT_SUFFIX:-]}"
}

function setGitPrompt() {
  local repo
  repo=$(git rev-parse --show-toplevel 2> /dev/null)
  if [[ "${GIT_PROMPT_ONLY_IN_REPO}" = 1 ]]; then
    if [[ -z "${repo}" ]]; then
      return
    fi
  fi

  git_prompt_config
  PS1="${GIT_PROMPT_PREFIX}${repo##*/}${GIT_PROMPT_SUFFIX} \$ "
}

__GIT_PROMPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GIT_PROMPT_THEME="${GIT_PROMPT_THEME:-}"
PROMPT_COMMAND=setGitPrompt
