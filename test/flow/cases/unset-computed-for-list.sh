set -u
# unset "$v" unsets the names v takes: the loop's list.
http_proxy=x
https_proxy=y
no_proxy=z
for v in http_proxy https_proxy; do
  unset "$v"
done
echo "$http_proxy"  # @unsafe http_proxy
echo "$no_proxy"  # @safe no_proxy
