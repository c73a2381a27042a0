set -u
# A script's own array named words is no completion's: its element 1 may not be there.
words=(only)
echo "${words[0]}"  # @safe words
( echo "${words[1]}" )  # @unsafe words
