//! Member-function tables: the names of the collection member functions resolved
//! at compile time ([`MemberFn`]), and the [`Library`] of member-call entry points
//! that the command library registers (`commands::register`). The runtime calls
//! members only through [`library()`]; it never imports `commands/`.

use super::error::{codes, err, RtResult};
use super::interp::Interp;
use super::value::{Coll, Obj, Value};
use std::sync::OnceLock;

/// The collection member functions fourd knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberFn {
    Push,
    Pop,
    Shift,
    Unshift,
    Insert,
    Remove,
    IndexOf,
    LastIndexOf,
    Includes,
    Join,
    Copy,
    Slice,
    Concat,
    Reverse,
    Sort,
    First,
    Last,
    At,
    Clear,
    Resize,
    Fill,
    Sum,
    Min,
    Max,
    Average,
    Count,
    Combine,
    Distinct,
    Equal,
    Flat,
    Extract,
    CountValues,
    OrderBy,
    Query,
    Indices,
    MultiSort,
    Unknown,
}

impl MemberFn {
    pub fn from_name(name: &str) -> MemberFn {
        use MemberFn::*;
        match name {
            "push" => Push,
            "pop" => Pop,
            "shift" => Shift,
            "unshift" => Unshift,
            "insert" => Insert,
            "remove" => Remove,
            "indexOf" => IndexOf,
            "lastIndexOf" => LastIndexOf,
            "includes" => Includes,
            "join" => Join,
            "copy" => Copy,
            "slice" => Slice,
            "concat" => Concat,
            "reverse" => Reverse,
            "sort" => Sort,
            "first" => First,
            "last" => Last,
            "at" => At,
            "clear" => Clear,
            "resize" => Resize,
            "fill" => Fill,
            "sum" => Sum,
            "min" => Min,
            "max" => Max,
            "average" => Average,
            "count" => Count,
            "combine" => Combine,
            "distinct" => Distinct,
            "equal" => Equal,
            "flat" => Flat,
            "extract" => Extract,
            "countValues" => CountValues,
            "orderBy" => OrderBy,
            "query" => Query,
            "indices" => Indices,
            "multiSort" => MultiSort,
            _ => Unknown,
        }
    }
}
/// Member calls the library implements, registered once by `commands::register`
/// (as Lua's `luaL_Reg` tables are).
/// The result of [`Library::collection_callback`]: the call's result, or the
/// collection and arguments back when the member takes no formula.
pub type CbResult = Result<RtResult<Value>, (Coll, Vec<Value>)>;

pub struct Library {
    /// Whether an object is a `File`/`Folder` object (its members are the library's).
    pub is_fs_object: fn(&Obj) -> bool,
    /// A member call on a `File`/`Folder` object.
    pub fs_member: fn(&mut Interp, Obj, &str, Vec<Value>) -> RtResult<Value>,
    /// A collection member taking a formula (`.map()`, `.filter()`...); gives the
    /// arguments back when the name is not one of them.
    pub collection_callback: fn(&mut Interp, Coll, &str, Vec<Value>) -> CbResult,
    /// Any other member call on a collection (or a value that should be one).
    pub member: fn(&mut Interp, Value, MemberFn, &str, Vec<Value>) -> RtResult<Value>,
    /// The REST server (`/rest/...` requests): method, path, query, body →
    /// HTTP status and JSON text (`crate::orda::rest`).
    pub rest: RestFn,
}

/// A REST request handler.
pub type RestFn = fn(&mut Interp, &str, &str, &str, &[u8]) -> (u16, String);

fn no_rest(_: &mut Interp, _: &str, _: &str, _: &str, _: &[u8]) -> (u16, String) {
    (404, "{}".into())
}

fn no_fs(_: &Obj) -> bool {
    false
}

fn no_fs_member(_: &mut Interp, _: Obj, _: &str, _: Vec<Value>) -> RtResult<Value> {
    err(codes::UNKNOWN_NAME, "No command library registered")
}

fn no_callback(_: &mut Interp, c: Coll, _: &str, a: Vec<Value>) -> CbResult {
    Err((c, a))
}

fn no_member(_: &mut Interp, _: Value, _: MemberFn, _: &str, _: Vec<Value>) -> RtResult<Value> {
    err(codes::UNKNOWN_NAME, "No command library registered")
}

/// What runs before the library is registered: every member call fails cleanly.
static EMPTY: Library = Library {
    is_fs_object: no_fs,
    fs_member: no_fs_member,
    collection_callback: no_callback,
    member: no_member,
    rest: no_rest,
};

static LIBRARY: OnceLock<Library> = OnceLock::new();

/// Registers the library (the first registration wins; later ones are ignored).
pub fn register(lib: Library) {
    let _ = LIBRARY.set(lib);
}

/// The registered library.
#[inline]
pub fn library() -> &'static Library {
    LIBRARY.get().unwrap_or(&EMPTY)
}
