// On Startup: runs first when fourd runs this project folder.
ALERT("Starting "+greeting("project"))
