set -u
read -ra parts </dev/null
echo "${parts[0]}"  # @unsafe parts
