set -u
if M=$(echo x); then
  :
fi
echo "$M"  # @safe M
