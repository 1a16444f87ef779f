//%attributes = {"publishedWeb":true,"shared":true,"preemptive":"capable","folder":"dsg_tools"}
// a helper with attributes
#DECLARE() : Text
return Current method path
