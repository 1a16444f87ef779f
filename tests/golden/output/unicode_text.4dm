// Non-ASCII text is written as UTF-8
ALERT("héllo wörld ✓")
ALERT("日本語")
