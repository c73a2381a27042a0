ALWAYS=1
if [ -n "${MODE:-}" ]; then
  SOMETIMES=1
fi
