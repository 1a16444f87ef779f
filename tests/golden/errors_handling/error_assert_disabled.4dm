// SET ASSERT ENABLED(False) turns asserts off
ALERT(String(Get assert enabled))
SET ASSERT ENABLED(False)
ASSERT(False; "ignored")
ALERT(String(Get assert enabled))
ALERT(String(Asserted(False)))
SET ASSERT ENABLED(True)
