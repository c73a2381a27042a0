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
# `read -u 9` from a descriptor that is not open fails and assigns nothing; `read -t 0` only tells
# whether input is waiting, and never assigns.
read -r -u 9 fromfd 2>/dev/null || true
( echo "$fromfd" )  # @unsafe fromfd
read -t 0 waiting < /dev/null || true
( echo "$waiting" )  # @unsafe waiting
read -r -u 0 stdin < /dev/null || true
echo "$stdin"  # @safe stdin
while read -r -u 3 row; do
  echo "$row"  # @safe row
done 3< "${SRC:-/nonexistent/file}" 2>/dev/null
