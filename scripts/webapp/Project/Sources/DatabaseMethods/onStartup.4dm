// fourd serve scripts/webapp: legacy sessions (fourd's default), 20-minute idle processes
WEB SET OPTION(Web inactive process timeout; 20)
// the home page is a page with 4D tags
WEB SET HOME PAGE("index.shtml")
ALERT("fourd shop: open the address below in a browser")
