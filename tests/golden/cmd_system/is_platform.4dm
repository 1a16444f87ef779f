// is platform (docs/commands-legacy or docs/commands: is-windows.md / is-macos.md: at most one is true (Linux: both False))
ALERT(String(Is Windows & Is macOS))
ALERT(String(Value type(Is Windows)))
