//! Command numbers (for `Name:Cnnn` tokens) and the list of every 4D command name
//! (so that calling a real but unimplemented command is a clear error).
//!
//! The number table uses the format of `src/syntax/data/commands.tsv`
//! (`NUMBER<TAB>Name` per line) so it can be replaced by that file when it lands.
//! Entries come from LANGUAGE.md §14.11 (verified) plus a few well-known numbers of
//! the commands this crate implements.

use std::collections::HashMap;
use std::sync::OnceLock;

const NUMBERS_TSV: &str = "\
10\tString
11\tNum
12\tSubstring
13\tUppercase
14\tLowercase
15\tPosition
16\tLength
33\tCurrent date
34\tNot
41\tALERT
82\tUndefined
90\tChar
91\tCharacter code
95\tTrunc
143\tSemaphore
155\tON ERR CALL
157\tTRACE
162\tCONFIRM
178\tCurrent time
214\tTrue
215\tFalse
219\tARRAY REAL
220\tARRAY INTEGER
221\tARRAY LONGINT
222\tARRAY TEXT
223\tARRAY BOOLEAN
224\tARRAY DATE
233\tReplace string
259\tCount parameters
274\tSize of array
279\tARRAY PICTURE
280\tARRAY POINTER
283\tC_LONGINT
284\tC_TEXT
285\tC_REAL
295\tType
301\tC_POINTER
305\tC_BOOLEAN
306\tC_TIME
307\tC_DATE
315\tIs nil pointer
317\tNew process
494\tApplication type
604\tC_BLOB
667\tLOG EVENT
684\tCurrent method name
911\tAPPEND TO ARRAY
999\tIs table number valid
1007\tEXECUTE METHOD
1066\tGenerate UUID
1216\tC_OBJECT
1217\tJSON Stringify
1218\tJSON Parse
1221\tARRAY OBJECT
1222\tARRAY BLOB
1223\tARRAY TIME
1231\tOB Is defined
1445\tTimestamp
1471\tNew object
1472\tNew collection
1488\tC_COLLECTION
1509\tValue type
1517\tNull
1525\tStorage
1526\tNew shared object
1537\tBool
1554\tSplit string
1567\tFolder
1683\tC_VARIANT
1710\tcs
1756\tCompare strings
1799\tLast errors
1805\tthrow
1853\tTrim
";

const ALL_NAMES: &str = include_str!("all_names.txt");

fn table() -> &'static HashMap<u32, &'static str> {
    static T: OnceLock<HashMap<u32, &'static str>> = OnceLock::new();
    T.get_or_init(|| numbered().collect())
}

/// `(number, name)` pairs.
pub fn numbered() -> impl Iterator<Item = (u32, &'static str)> {
    NUMBERS_TSV.lines().filter_map(|l| {
        let (n, name) = l.split_once('\t')?;
        Some((n.trim().parse().ok()?, name.trim()))
    })
}

/// Every 4D command name.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    ALL_NAMES.lines().map(str::trim).filter(|l| !l.is_empty())
}

pub fn name_of(n: u32) -> Option<&'static str> {
    table().get(&n).copied()
}
