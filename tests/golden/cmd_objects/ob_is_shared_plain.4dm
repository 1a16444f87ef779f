// ob is shared plain (docs/commands-legacy or docs/commands: ob-is-shared.md: a plain object is not shared)
ALERT(String(OB Is shared({a:1})))
