// ob entries typical (docs/commands-legacy or docs/commands: ob-entries.md)
ALERT(JSON Stringify(OB Entries({a:1;b:"x"})))
ALERT(String(OB Entries({}).length))
