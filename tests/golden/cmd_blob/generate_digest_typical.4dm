// generate digest typical (docs/commands-legacy or docs/commands: generate-digest.md: hex digests of a text (UTF-8))
ALERT(Generate digest("abc";MD5 digest))
ALERT(Generate digest("abc";SHA1 digest))
ALERT(Generate digest("abc";SHA256 digest))
