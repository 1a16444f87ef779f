// docs/commands/version-type.md: a bit field read with ??; fourd is a 64-bit build, not a merged application
ALERT(String(Version type ?? 64 bit version))
ALERT(String(Version type ?? Merged application))
