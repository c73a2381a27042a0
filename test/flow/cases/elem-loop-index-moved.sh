set -u
# The loop's test runs again before each pass: a body that moves the index after a read leaves
# that read covered, and not one after the move.
opts=(-v -o)
for ((i = 0; i < ${#opts[@]}; i++)); do
  case ${opts[i]} in  # @safe opts i
    -o)
      ((i++))
      ( echo "output ${opts[i]}" )  # @safe i @unsafe opts
      ;;
  esac
done
for ((i = 0; i < ${#opts[@]}; i++)); do
  n=0
  while ((n < 3)); do  # @safe n
    ( echo "${opts[i]}" )  # @unsafe opts @safe i
    ((i++, n++))  # @safe i n
  done
done
