// The close method still sees the session's selection and current record.
<>closeSaw:=String(Records in selection([Company]))+" "+[Company]Name
