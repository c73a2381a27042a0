# expect: bash=ok mvdan=err
# mvdan-sh 0.10.1 rejects this file; bash accepts it (bash -n, and it runs).
#
# mvdan-sh says: "ternary operator missing ? before :"
#
# mvdan-sh parses every array subscript as an arithmetic expression, because
# it cannot know that `seen` is associative. In bash the subscript of an
# associative array is a plain word, so "host:port" keys are fine. This is
# the usual "have I seen this endpoint already" idiom.
declare -A seen=()
for endpoint in "$@"; do
    host=${endpoint%:*}
    port=${endpoint##*:}
    if [[ -n ${seen[$host:$port]-} ]]; then
        continue
    fi
    seen[$host:$port]=1
    echo "probing $host on port $port"
done
