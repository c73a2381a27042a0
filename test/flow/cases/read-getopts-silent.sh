set -u
# @args "" "-d" "-d x" "-x" "-h"
while getopts ':d:h' opt; do
  case "$opt" in  # @safe opt
    d) echo "d $OPTARG" ;;  # @safe OPTARG
    :) echo "missing $OPTARG" ;;  # @safe OPTARG
    \?) echo "unknown $OPTARG" ;;  # @safe OPTARG
    ?) echo "other $OPTARG" ;;  # @unsafe OPTARG
  esac
done
