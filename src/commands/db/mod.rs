//! The database commands (classic 4D language): records, selections, queries,
//! sorting, sets, named selections, relations, locking and transactions. The state
//! lives in `crate::datastore`; these functions decode arguments and set `OK`.
//!
//! Reference pages (developer.4d.com/docs/commands/<name>): create-record,
//! save-record, delete-record, load-record, unload-record, all-records, query,
//! query-selection, query-with-array, order-by, first-record, next-record,
//! goto-record, goto-selected-record, end-selection, records-in-selection,
//! selected-record-number, record-number, reduce-selection, delete-selection,
//! apply-to-selection, selection-to-array, array-to-selection,
//! create-selection-from-array, distinct-values, sum, create-set, use-set,
//! add-to-set, union, intersection, difference, clear-set, records-in-set,
//! copy-named-selection, use-named-selection, relate-one, relate-many,
//! relate-one-selection, relate-many-selection, read-only, read-write, locked,
//! locked-by, start-transaction, validate-transaction, cancel-transaction.
//!
//! Every parameter is received by reference (`refs = ALL`) so that `[T]Field`
//! arrives as a field pointer and arrays as array pointers; [`val`] reads a
//! value parameter through its variable.

use crate::cmd;

mod args;
mod arrays;
mod records;
mod relations;
mod sets;
mod structure;
mod transactions;

pub(super) use args::*;
use arrays::*;
use records::*;
use relations::*;
pub(super) use sets::put_set;
use sets::*;
use structure::*;
use transactions::*;

const ALL: u32 = u32::MAX;

pub static COMMANDS: &[super::CommandDef] = &[
    cmd!("Table", table, refs = ALL),
    cmd!("Field", field, refs = ALL),
    cmd!("Table name", table_name, refs = ALL),
    cmd!("Field name", field_name, refs = ALL),
    cmd!("Records in table", records_in_table, refs = ALL),
    cmd!("Get last table number", last_table_number),
    cmd!("Get last field number", last_field_number, refs = ALL),
    cmd!("DEFAULT TABLE", default_table, refs = ALL),
    cmd!("CREATE RECORD", create_record, refs = ALL),
    cmd!("SAVE RECORD", save_record, refs = ALL),
    cmd!("DELETE RECORD", delete_record, refs = ALL),
    cmd!("LOAD RECORD", load_record, refs = ALL),
    cmd!("UNLOAD RECORD", unload_record, refs = ALL),
    cmd!("ALL RECORDS", all_records, refs = ALL),
    cmd!("QUERY", query, refs = ALL),
    cmd!("QUERY SELECTION", query_selection, refs = ALL),
    cmd!("QUERY WITH ARRAY", query_with_array, refs = ALL),
    cmd!("ORDER BY", order_by, refs = ALL),
    cmd!("FIRST RECORD", first_record, refs = ALL),
    cmd!("NEXT RECORD", next_record, refs = ALL),
    cmd!("LAST RECORD", last_record, refs = ALL),
    cmd!("GOTO RECORD", goto_record, refs = ALL),
    cmd!("GOTO SELECTED RECORD", goto_selected_record, refs = ALL),
    cmd!("End selection", end_selection, refs = ALL),
    cmd!("Records in selection", records_in_selection, refs = ALL),
    cmd!("Selected record number", selected_record_number, refs = ALL),
    cmd!("Record number", record_number, refs = ALL),
    cmd!("REDUCE SELECTION", reduce_selection, refs = ALL),
    cmd!("ONE RECORD SELECT", one_record_select, refs = ALL),
    cmd!("DELETE SELECTION", delete_selection, refs = ALL),
    cmd!("SELECTION TO ARRAY", selection_to_array, refs = ALL),
    cmd!("ARRAY TO SELECTION", array_to_selection, refs = ALL),
    cmd!(
        "CREATE SELECTION FROM ARRAY",
        create_selection_from_array,
        refs = ALL
    ),
    cmd!("DISTINCT VALUES", distinct_values, refs = ALL),
    cmd!("Sum", sum, refs = ALL),
    cmd!("Average", average, refs = ALL),
    cmd!("Min", min, refs = ALL),
    cmd!("Max", max, refs = ALL),
    cmd!("CREATE SET", create_set, refs = ALL),
    cmd!("CREATE EMPTY SET", create_empty_set, refs = ALL),
    cmd!("USE SET", use_set, refs = ALL),
    cmd!("ADD TO SET", add_to_set, refs = ALL),
    cmd!("REMOVE FROM SET", remove_from_set, refs = ALL),
    cmd!("UNION", union, refs = ALL),
    cmd!("INTERSECTION", intersection, refs = ALL),
    cmd!("DIFFERENCE", difference, refs = ALL),
    cmd!("CLEAR SET", clear_set, refs = ALL),
    cmd!("Records in set", records_in_set, refs = ALL),
    cmd!("Is in set", is_in_set, refs = ALL),
    cmd!("COPY NAMED SELECTION", copy_named_selection, refs = ALL),
    cmd!("CUT NAMED SELECTION", cut_named_selection, refs = ALL),
    cmd!("USE NAMED SELECTION", use_named_selection, refs = ALL),
    cmd!("CLEAR NAMED SELECTION", clear_named_selection, refs = ALL),
    cmd!("RELATE ONE", relate_one, refs = ALL),
    cmd!("RELATE MANY", relate_many, refs = ALL),
    cmd!("RELATE ONE SELECTION", relate_one_selection, refs = ALL),
    cmd!("RELATE MANY SELECTION", relate_many_selection, refs = ALL),
    cmd!("READ ONLY", read_only, refs = ALL),
    cmd!("READ WRITE", read_write, refs = ALL),
    cmd!("Read only state", read_only_state, refs = ALL),
    cmd!("Locked", locked, refs = ALL),
    cmd!("LOCKED BY", locked_by, refs = ALL),
    cmd!("START TRANSACTION", start_transaction),
    cmd!("VALIDATE TRANSACTION", validate_transaction),
    cmd!("CANCEL TRANSACTION", cancel_transaction),
    cmd!("In transaction", in_transaction),
    cmd!("Transaction level", transaction_level),
    // the loop APPLY TO SELECTION is compiled to (see compile/resolve/db.rs)
    cmd!("_fourd apply begin", apply_begin, refs = ALL),
    cmd!("_fourd apply more", apply_more, refs = ALL),
    cmd!("_fourd apply next", apply_next, refs = ALL),
];
