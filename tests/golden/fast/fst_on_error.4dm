ALERT("handled error "+String(Error))
