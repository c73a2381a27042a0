# placeholder
echo a=(x)
