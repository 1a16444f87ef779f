// The startup process shares the datastore of the web processes: one record.
CREATE RECORD([Company])
[Company]Name:="Acme"
SAVE RECORD([Company])
UNLOAD RECORD([Company])
