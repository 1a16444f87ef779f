// startup method: adds a record; with --dataless nothing is kept between runs
CREATE RECORD([Item])
[Item]Name:="one"
SAVE RECORD([Item])
ALL RECORDS([Item])
LOG EVENT(Into system standard outputs; "records="+String(Records in selection([Item]))+" datafile="+String(Data file#"")+"\n")
