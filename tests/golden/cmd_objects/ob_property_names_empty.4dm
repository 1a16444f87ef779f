// ob property names empty (docs/commands-legacy or docs/commands: ob-get-property-names.md: an empty object empties the arrays)
ARRAY TEXT($names;3)
OB GET PROPERTY NAMES({};$names)
ALERT(String(Size of array($names)))
