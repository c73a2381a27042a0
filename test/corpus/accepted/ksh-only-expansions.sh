# A script written for bash and ksh93: the ksh branch uses ksh93's compound names, which
# bash -n accepts and would reject only when run ("bad substitution").
if [ -n "${KSH_VERSION-}" ]; then
  echo "ksh ${.sh.version}"
  typeset -C point=(x=1 y=2)
  echo "${point.x}"
else
  echo "bash $BASH_VERSION"
fi
