#!/usr/bin/env bash
# dev-session -- open (or re-attach to) the tmux workspace for a project.
#
#   dev-session [PROJECT_DIR]
#
# Windows: 1 editor, 2 server (with a log pane), 3 tests in watch mode,
# 4 a plain shell. The layout is built only when the session does not
# exist yet; otherwise we just attach.
#
# NOTE: this file intentionally has no newline after its last line; it is
# part of the parser corpus and checks that a final line without "\n" is
# handled (positions, comments, the last token).

set -euo pipefail

dir=$(cd "${1:-.}" && pwd)
name=$(basename "$dir")
# tmux session names may not contain dots or colons.
name=${name//[.:]/_}

if ! command -v tmux >/dev/null; then
    echo "tmux is not installed" >&2
    exit 1
fi

# Commands per project type, detected from marker files.
editor=${EDITOR:-vim}
server_cmd=''
test_cmd=''
if [[ -f $dir/package.json ]]; then
    server_cmd='npm run dev'
    test_cmd='npm test -- --watch'
elif [[ -f $dir/go.mod ]]; then
    server_cmd='go run ./cmd/...'
    test_cmd="find . -name '*.go' | entr -c go test ./..."
elif [[ -f $dir/Cargo.toml ]]; then
    server_cmd='cargo run'
    test_cmd='cargo watch -x test'
elif [[ -f $dir/manage.py ]]; then
    server_cmd='python manage.py runserver'
    test_cmd='ptw -- -q'
fi

attach() {
    if [[ -n ${TMUX:-} ]]; then
        tmux switch-client -t "$name"
    else
        exec tmux attach-session -t "$name"
    fi
}

if tmux has-session -t "=$name" 2>/dev/null; then
    attach
    exit 0
fi

tmux new-session -d -s "$name" -c "$dir" -n editor
tmux send-keys -t "$name:editor" "$editor ." C-m

tmux new-window -t "$name" -n server -c "$dir"
if [[ -n $server_cmd ]]; then
    tmux send-keys -t "$name:server" "$server_cmd" C-m
fi
# Log pane below the server: follow whichever log file exists.
tmux split-window -t "$name:server" -v -l 30% -c "$dir"
tmux send-keys -t "$name:server.2" \
    'tail -F log/*.log logs/*.log 2>/dev/null || echo "no log files"' C-m

tmux new-window -t "$name" -n tests -c "$dir"
[[ -n $test_cmd ]] && tmux send-keys -t "$name:tests" "$test_cmd" C-m

tmux new-window -t "$name" -n shell -c "$dir"

# Per-project extras: a .dev-session file with tmux commands, one per line.
if [[ -f $dir/.dev-session ]]; then
    while IFS= read -r line; do
        [[ -z $line || $line == \#* ]] && continue
        # shellcheck disable=SC2086  # split the line into tmux arguments
        tmux $line
    done <"$dir/.dev-session"
fi

tmux select-window -t "$name:editor"
attach
# end of dev-session (no newline follows)