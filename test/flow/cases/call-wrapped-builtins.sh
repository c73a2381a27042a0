set -u
# A builtin run through a wrapper that starts another process (`env`, `nohup`, `sudo`, `timeout`)
# changes nothing of the shell's; through `command`, `builtin` or `time` it runs in the shell,
# `eval` included.
env printf -v via_env '%s' a 2>/dev/null || true
( echo "$via_env" )  # @unsafe via_env
command read -r via_command <<< "a"
echo "$via_command"  # @safe via_command
gone=1
command eval 'unset gone'
( echo "$gone" )  # @unsafe gone
also=1
builtin eval 'unset also'
( echo "$also" )  # @unsafe also
