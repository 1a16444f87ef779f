ALERT("handler "+String(Error))
