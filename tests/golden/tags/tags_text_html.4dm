// 4DTEXT escapes HTML special characters, 4DHTML does not (docs: Transformation tags, 4DHTML table);
// legacy 4DVAR / 4DHTMLVAR; numbers use "." (docs: "Using the . as decimal separator")
myvar:="<B>"
PROCESS 4D TAGS("<!--#4DTEXT myvar-->|<!--#4DHTML myvar-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--4DVAR myvar-->|<!--4DHTMLVAR myvar-->"; $out)
ALERT($out)
// [choice] quotes and ampersands are escaped too (safe in attributes)
vQuote:="Tom & \"Jerry\" 'x'"
PROCESS 4D TAGS("<!--#4DTEXT vQuote-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--#4DTEXT 1.5+1-->;<!--#4DTEXT 3=3-->;<!--#4DTEXT Uppercase(\"abc\")-->"; $out)
ALERT($out)
// the $ syntax in attributes
vX:=12
PROCESS 4D TAGS("<line x1=\"$4DEVAL(vX)\" y1=\"$4DTEXT(\"<\"+\"a\")\" z=\"$4DHTML(\"<b>\")\"/>"; $out)
ALERT($out)
// no tag: the output is the input
PROCESS 4D TAGS("plain <!-- comment --> $4 text"; $out)
ALERT($out)
