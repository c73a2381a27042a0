#! bash oh-my-bash.module
# Prompt helpers of oh-my-bash themes (excerpt), in the style of
# themes/base.theme.sh (2022).

SCM_THEME_PROMPT_DIRTY=' ✗'
SCM_THEME_PROMPT_CLEAN=' ✓'
SCM_GIT_SHOW_DETAILS=${SCM_GIT_SHOW_DETAILS:=true}
SCM_GIT_IGNORE_UNTRACKED=${SCM_GIT_IGNORE_UNTRACKED:=false}

function git_status_summary {
  awk '
  BEGIN { untracked=0; unstaged=0; staged=0 }
  {
    if (!after_first && $0 ~ /^##.+/) { print $0; seen_header = 1 }
    else if ($0 ~ /^\?\? .+/) { untracked += 1 }
    else {
      if ($0 ~ /^.[^ ] .+/) { unstaged += 1 }
      if ($0 ~ /^[^ ]. .+/) { staged += 1 }
    }
    after_first = 1
  }
  END {
    if (!seen_header) { print }
    print untracked "\t" unstaged "\t" staged
  }'
}

function git_prompt_vars {
  local details=''
  local git_status_flags=
  SCM_STATE=${GIT_THEME_PROMPT_CLEAN:-$SCM_THEME_PROMPT_CLEAN}
  if [[ "$(git config --get bash-it.hide-status)" != "1" ]]; then
    [[ "${SCM_GIT_IGNORE_UNTRACKED}" = "true" ]] && git_status_flags='-uno'
    local status_lines=$( (git status --porcelain ${git_status_flags} -b 2> /dev/null ||
                          git status --porcelain ${git_status_flags}    2> /dev/null) | git_status_summary)
    local status=$(awk 'NR==1' <<< "$status_lines")
    local counts=$(awk 'NR==2' <<< "$status_lines")
    IFS=$'\t' read untracked_count unstaged_count staged_count <<< "$counts"
    if [[ "${untracked_count}" -gt 0 || "${unstaged_count}" -gt 0 || "${staged_count}" -gt 0 ]]; then
      SCM_DIRTY=1
      SCM_STATE=${GIT_THEME_PROMPT_DIRTY:-$SCM_THEME_PROMPT_DIRTY}
    fi
  fi
  SCM_BRANCH="${status#\#\# }${details}"
}
