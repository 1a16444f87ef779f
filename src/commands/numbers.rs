//! Command numbers (for `Name:Cnnn` tokens) and the list of every 4D command name
//! (so that calling a real but unimplemented command is a clear error), both from
//! the front end's table `src/syntax/data/commands.tsv`.

use crate::syntax::data;

/// `(number, name)` pairs.
pub fn numbered() -> impl Iterator<Item = (u32, &'static str)> {
    data::commands().iter().map(|c| (c.number, c.name))
}

/// Every 4D command name.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    data::command_names()
}

pub fn name_of(n: u32) -> Option<&'static str> {
    data::command_by_number(n).map(|c| c.name)
}
