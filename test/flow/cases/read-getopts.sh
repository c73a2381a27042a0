set -u
# @args "" "-a" "-b x" "-b x -a"
while getopts "ab:" opt; do
  case $opt in  # @safe opt
    a) echo "a $OPTARG" ;;  # @unsafe OPTARG
    b) echo "b $OPTARG" ;;  # @safe OPTARG
  esac
done
shift $((OPTIND - 1))  # @safe OPTIND
