// helper: throws deferred errors then keeps running
throw({errCode: 1; message: "first"; deferred: True})
ALERT("thrower continues")
throw({errCode: 2; message: "second"; deferred: True})
ALERT("thrower ends")
