// docs/commands/is-table-number-valid.md, is-field-number-valid.md: True for an existing
// table / field of the structure, False otherwise.
ALERT(String(Is table number valid(1))+" "+String(Is table number valid(99)))
ALERT(String(Is field number valid(1; 2))+" "+String(Is field number valid(1; 99))+" "+String(Is field number valid(99; 1)))
