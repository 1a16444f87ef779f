//! Environment and structure commands real code calls around its logic, as they
//! behave in fourd's headless, single-machine setting:
//! `Copy parameters`, `Is table number valid`, `Is field number valid`,
//! `User in group`, `GET SYSTEM FORMAT`, `Execute on server`, `Trigger event`,
//! `SET AUTOMATIC RELATIONS`, `CREATE INDEX`, and what a headless 4D (a server
//! with no screen) does with `SHOW PROCESS`, `HIDE PROCESS`, `BRING TO FRONT`,
//! `COMPONENT LIST`, `PLUGIN LIST`, `GET USER LIST`, `GET GROUP LIST`,
//! `Get database localization`, `Is license available` (fourd has none of 4D's
//! licenses: False for every license constant, True without one: the runtime
//! itself runs) and `Is data file locked` (False: the data file fourd opens is
//! always writable).

use super::Args;
use crate::cmd;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, text, Value};

pub const COMMANDS: &[super::CommandDef] = &[
    cmd!("Copy parameters", copy_parameters),
    cmd!("Is table number valid", is_table_number_valid),
    cmd!("Is field number valid", is_field_number_valid),
    cmd!("User in group", user_in_group),
    cmd!("GET SYSTEM FORMAT", get_system_format, refs = 1 << 1),
    cmd!("Execute on server", execute_on_server),
    cmd!("Trigger event", trigger_event),
    cmd!("SET AUTOMATIC RELATIONS", no_op),
    cmd!("CREATE INDEX", no_op),
    cmd!("SHOW PROCESS", no_op),
    cmd!("HIDE PROCESS", no_op),
    cmd!("BRING TO FRONT", no_op),
    cmd!("COMPONENT LIST", component_list, refs = 1),
    cmd!("PLUGIN LIST", plugin_list, refs = 0b11),
    cmd!("GET USER LIST", get_user_list, refs = 0b11),
    cmd!("GET GROUP LIST", get_group_list, refs = 0b11),
    cmd!("Get database localization", database_localization),
    cmd!("SET INDEX", no_op),
    cmd!("FLUSH CACHE", no_op),
    cmd!("Command name", command_name),
    cmd!("Version type", version_type),
    cmd!("Is license available", is_license_available),
    cmd!("Is data file locked", is_data_file_locked),
];

/// docs/commands/is-license-available.md: whether a 4D license (plug-in,
/// client, web, SOAP...) is available to the application.
fn is_license_available(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(a.is_empty()))
}

/// docs/commands/is-data-file-locked.md.
fn is_data_file_locked(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(false))
}

/// docs/commands/version-type.md: a bit field; fourd is a 64-bit build (bit
/// `64 bit version` = 1 set), not a merged application (bit 2 clear): 2.
fn version_type(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(1 << 1))
}

/// docs/commands/command-name.md: the (current, English) name of command number
/// `n`; "" for a number that is no command.
fn command_name(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.num(0, "Command name")? as i64;
    let name = if n > 0 {
        super::name_of_number(n as u32).unwrap_or("")
    } else {
        ""
    };
    Ok(text(name))
}

/// Replaces the elements of the array parameter `i` with `items`.
fn fill_array(it: &mut Interp, a: &Args, i: usize, cmd: &str, items: Vec<Value>) -> RtResult<()> {
    let p = a.ptr(i, cmd)?;
    let arr = crate::runtime::interp::as_array(&it.deref_raw(&p)?)?;
    let mut arr = arr.borrow_mut();
    arr.elems.truncate(1);
    arr.elems.extend(items);
    Ok(())
}

/// docs/commands/component-list.md: fourd loads no components: an empty array.
fn component_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    fill_array(it, a, 0, "COMPONENT LIST", Vec::new())?;
    Ok(Value::Undefined)
}

/// docs/commands/plugin-list.md: fourd loads no plug-ins: empty arrays.
fn plugin_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    fill_array(it, a, 0, "PLUGIN LIST", Vec::new())?;
    fill_array(it, a, 1, "PLUGIN LIST", Vec::new())?;
    Ok(Value::Undefined)
}

/// docs/commands/get-user-list.md. [choice] with no users and groups defined, the
/// two built-in users: Designer (1) and Administrator (2).
fn get_user_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    fill_array(
        it,
        a,
        0,
        "GET USER LIST",
        vec![text("Designer"), text("Administrator")],
    )?;
    fill_array(
        it,
        a,
        1,
        "GET USER LIST",
        vec![Value::Int(1), Value::Int(2)],
    )?;
    Ok(Value::Undefined)
}

/// docs/commands/get-group-list.md: no groups are defined: empty arrays.
fn get_group_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    fill_array(it, a, 0, "GET GROUP LIST", Vec::new())?;
    fill_array(it, a, 1, "GET GROUP LIST", Vec::new())?;
    Ok(Value::Undefined)
}

/// docs/commands/get-database-localization.md: fourd runs in English: "en".
fn database_localization(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text("en"))
}

/// docs/commands/copy-parameters.md: `Copy parameters{(startFrom)}`, a new
/// collection of the parameters passed to the current method from `startFrom`
/// (default 1) on; empty when there are fewer.
fn copy_parameters(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let from = a.opt_num(0, "Copy parameters")?.unwrap_or(1.0).max(1.0) as i64;
    let n = it.frame().map(|f| f.nargs as i64).unwrap_or(0);
    let mut items = Vec::new();
    for k in from..=n {
        let v = it.param_value(k)?;
        items.push(crate::runtime::value::stored(v));
    }
    Ok(Value::Collection(new_collection(items)))
}

/// docs/commands/is-table-number-valid.md: True when the table exists.
fn is_table_number_valid(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.num(0, "Is table number valid")? as u32;
    Ok(Value::Bool(
        it.db.structure().is_some_and(|s| s.table(t).is_some()),
    ))
}

/// docs/commands/is-field-number-valid.md: True when the field of the table exists.
fn is_field_number_valid(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.num(0, "Is field number valid")? as u32;
    let f = a.num(1, "Is field number valid")? as u32;
    Ok(Value::Bool(
        it.db.structure().is_some_and(|s| s.field(t, f).is_some()),
    ))
}

/// docs/commands/user-in-group.md. [choice] fourd has no users and groups: the
/// one user (`Current user`, the Designer) belongs to every group, so True.
fn user_in_group(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(true))
}

/// docs/commands/get-system-format.md: the system's formats, here those of the
/// English (US) system fourd runs as (see `commands::formats`).
fn get_system_format(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let f = a.num(0, "GET SYSTEM FORMAT")? as i64;
    let v = match f {
        0 => ".",                  // Decimal separator
        1 => ",",                  // Thousand separator
        2 => "$",                  // Currency symbol
        3 => "h:mm a",             // System time short pattern
        4 => "h:mm:ss a",          // System time medium pattern
        5 => "h:mm:ss a z",        // System time long pattern
        6 => "MM/dd/yyyy",         // System date short pattern
        7 => "MMM d, yyyy",        // System date medium pattern
        8 => "EEEE, MMMM d, yyyy", // System date long pattern
        13 => "/",                 // Date separator
        14 => ":",                 // Time separator
        15 => "2",                 // Short date day position
        16 => "1",                 // Short date month position
        17 => "3",                 // Short date year position
        18 => "AM",                // System time AM label
        19 => "PM",                // System time PM label
        _ => "",
    };
    let p = a.ptr(1, "GET SYSTEM FORMAT")?;
    it.store_ptr(&p, text(v))?;
    Ok(Value::Undefined)
}

/// docs/commands/execute-on-server.md: on a single-user 4D (no server) the process
/// starts on the local machine, as with `New process` (same parameters).
fn execute_on_server(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    match super::by_name("New process") {
        Some(def) => (def.func)(it, a),
        None => Ok(Value::Int(0)),
    }
}

/// docs/commands/trigger-event.md: 0 outside a trigger (fourd runs no triggers).
fn trigger_event(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(0))
}

/// `SET AUTOMATIC RELATIONS`, `CREATE INDEX`, `SET INDEX`, `FLUSH CACHE`: [choice]
/// no effect; fourd's store indexes what it needs, writes through, and follows
/// relations when asked (`RELATE ONE/MANY`).
fn no_op(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Undefined)
}
