set -u
# @env X=|v
X=${X:-d}
echo "$X"  # @safe X
