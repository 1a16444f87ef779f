// benchmark settings: room for 10,000 live sessions and 100+ concurrent requests
WEB SET OPTION(Web max concurrent processes; 32000)
WEB SET OPTION(Web max sessions; 32000)
