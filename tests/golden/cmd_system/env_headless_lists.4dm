// Headless fourd: no components, no plug-ins; with no users and groups defined, the built-in
// users Designer (1) and Administrator (2) (docs get-user-list.md); SHOW PROCESS and
// BRING TO FRONT have no window to act on; the database language is English.
ARRAY TEXT($components; 3)
COMPONENT LIST($components)
ALERT(String(Size of array($components)))
ARRAY TEXT($users; 0)
ARRAY LONGINT($ids; 0)
GET USER LIST($users; $ids)
ALERT($users{1}+" "+String($ids{1})+" "+$users{2}+" "+String($ids{2}))
SHOW PROCESS(Current process)
BRING TO FRONT(Current process)
ALERT(Get database localization)
