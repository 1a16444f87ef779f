//! Runtime errors: a 4D-style numeric code, a message, where it happened (method
//! and byte offset) and the call chain. Rendered once, at the edge (`run.rs`).
//!
//! 4D's own runtime error numbers are not published in the docs we follow
//! (LANGUAGE.md §11), so fourd uses its own table:
//!
//! | code | meaning |
//! |------|---------|
//! | 1    | type mismatch: an operator or a command got values of the wrong type |
//! | 2    | incompatible assignment: the value does not fit the declared type |
//! | 3    | division by zero in `\` or `%` (integer operations; `/` gives INF) |
//! | 4    | index out of range (collection read, array element, `[[ ]]` character) |
//! | 5    | property access on null or on a non-object value |
//! | 6    | nil or invalid pointer dereferenced |
//! | 7    | not an array (an array command got a non-array variable) |
//! | 8    | bad argument: missing or invalid parameter of a command |
//! | 9    | invalid JSON text |
//! | 10   | unknown member function, or member function called on a wrong value |
//! | 20   | stack full (recursion too deep) |
//! | 30   | unknown method or name called |
//! | 31   | 4D command not implemented by fourd |
//! | 32   | unknown constant |
//! | 33   | language feature not supported by fourd (tables, classes, SQL...) |
//! | 34   | not enough memory (a text, array or collection would exceed fourd's size limit) |
//! | 35   | interrupted (Ctrl-C in the REPL) |

/// The error codes of the table above.
pub mod codes {
    pub const TYPE_MISMATCH: i32 = 1;
    pub const BAD_ASSIGN: i32 = 2;
    pub const DIV_ZERO: i32 = 3;
    pub const OUT_OF_RANGE: i32 = 4;
    pub const NULL_ACCESS: i32 = 5;
    pub const NIL_POINTER: i32 = 6;
    pub const NOT_ARRAY: i32 = 7;
    pub const BAD_ARG: i32 = 8;
    pub const BAD_JSON: i32 = 9;
    pub const BAD_MEMBER: i32 = 10;
    pub const STACK_FULL: i32 = 20;
    pub const UNKNOWN_NAME: i32 = 30;
    pub const NOT_IMPLEMENTED: i32 = 31;
    pub const UNKNOWN_CONSTANT: i32 = 32;
    pub const UNSUPPORTED: i32 = 33;
    pub const NO_MEMORY: i32 = 34;
    pub const INTERRUPTED: i32 = 35;
    /// Largest number of elements of an array or collection, and of bytes of a text.
    pub const MAX_SIZE: usize = 1 << 28;
}

/// A location: method id and byte offset in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub method: u32,
    pub offset: u32,
}

#[derive(Debug, Clone)]
pub struct RtError {
    pub code: i32,
    pub message: String,
    /// Where the error happened (filled by the statement that failed).
    pub loc: Option<Loc>,
    /// The callers, innermost first (method and offset of the call).
    pub chain: Vec<Loc>,
}

/// Errors are boxed so that `Result<Value, _>` stays small.
pub type RtResult<T> = Result<T, Box<RtError>>;

pub fn err<T>(code: i32, message: impl Into<String>) -> RtResult<T> {
    Err(rt_error(code, message))
}

pub fn rt_error(code: i32, message: impl Into<String>) -> Box<RtError> {
    Box::new(RtError {
        code,
        message: message.into(),
        loc: None,
        chain: Vec::new(),
    })
}
