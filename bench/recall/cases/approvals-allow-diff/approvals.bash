# approvals.bash - CLI Approval Testing for Bash
# In the style of DannyBen/approvals.bash (0.4.x): source it from a test
# script, then call approve "command" for each command to test.

approve() {
  local expected approval approval_file actual cmd
  approvals_dir=${APPROVALS_DIR:=approvals}

  cmd=$1
  approval=$(printf "%b" "$cmd" | tr -s -c "[:alnum:]" _)
  approval_file="$approvals_dir/${2:-"$approval"}"

  [[ -d "$approvals_dir" ]] || mkdir "$approvals_dir"

  actual=$(eval "$cmd" 2>&1)
  if [[ -n "$allow_diff_regex" ]]; then
    actual=$(echo "$actual" | sed -E "s/$allow_diff_regex/*/g")
    unset allow_diff_regex
  fi

  if [[ -f "$approval_file" ]]; then
    expected=$(cat "$approval_file")
  else
    echo "--- [$(blue "$cmd")] ---"
    printf "%b\n" "$actual"
    echo "--- [$(blue "$cmd")] ---"
    user_approval "$cmd" "$actual" "$approval_file"
    return
  fi

  if [[ "$(printf "%b" "$actual")" = "$(printf "%b" "$expected")" ]]; then
    green "PASS $cmd"
  else
    fail "Expected output changed: $cmd"
  fi
}

allow_diff() {
  allow_diff_regex="$1"
}

describe() {
  echo
  blue "TEST $*"
}

fail() {
  red "FAIL $*"
  exit 1
}

user_approval() {
  local cmd="$1"
  local actual="$2"
  local approval_file="$3"

  if [[ -v CI || -v GITHUB_ACTIONS ]] && [[ -z "${AUTO_APPROVE+x}" ]]; then
    fail "$cmd"
  fi
  echo "$actual" > "$approval_file"
  green "approved: $cmd"
}

red() { printf "\e[31m%b\e[0m\n" "$*"; }
green() { printf "\e[32m%b\e[0m\n" "$*"; }
blue() { printf "\e[34m%b\e[0m\n" "$*"; }
