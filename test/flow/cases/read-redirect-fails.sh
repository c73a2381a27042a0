set -u
# @env SRC=/proc/self/status|/nonexistent/file
# bash runs no command whose redirection fails: `read` from a file that is missing assigns
# nothing, and the name stays unset. A `read` that succeeded ran, and assigned it.
read -r first < "${SRC:-/nonexistent/file}" 2>/dev/null || true
( echo "$first" )  # @unsafe first
if read -r line < "${SRC:-/nonexistent/file}" 2>/dev/null; then
  echo "$line"  # @safe line
fi
read -r name _ < "${SRC:-/nonexistent/file}" 2>/dev/null && echo "$name"  # @safe name
read -r here <<< "always"
echo "$here"  # @safe here
