set -u
# @env SRC=/proc/self/status|/nonexistent/file
# A compound command whose redirection fails does not run at all: a loop that reads a file that is
# missing assigns nothing, not even the `read` of its condition.
while IFS= read -r line; do
  echo "$line" > /dev/null  # @safe line
done < "${SRC:-/nonexistent/file}"
( echo "last: $line" )  # @unsafe line
{ read -r a; read -r b; } < /dev/null
echo "$a $b"  # @safe a b
