// Get 4D file (get-4d-file.md): settings and log files of the application, whether they exist or
// not: user settings under Settings/, logs under Logs/
ALERT(String(Get 4D file(User settings file)=("@"+Folder separator+"Settings"+Folder separator+"settings.4DSettings")))
ALERT(String(Get 4D file(Diagnostic log file)=("@"+Folder separator+"Logs"+Folder separator+"4DDiagnosticLog@")))
ALERT(String(Get 4D file(Backup settings file)="@Backup.4DSettings"))
ALERT("["+Get 4D file(Last backup file)+"]")
