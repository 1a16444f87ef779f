//! `LAUNCH EXTERNAL PROCESS`: runs a program of the machine, feeding its stdin
//! and collecting its stdout and stderr into Text or Blob variables
//! (developer.4d.com/docs/commands/launch-external-process).
//!
//! The command line is split as a shell would split words (no shell runs: no
//! pipes, redirections or variables, as the docs warn): blanks separate
//! arguments, double or single quotes group them, a backslash keeps the next
//! character. The options 4D reads from environment variables set with `SET
//! ENVIRONMENT VARIABLE` are honoured and, as in 4D, apply to the next launch
//! only: `_4D_OPTION_CURRENT_DIRECTORY` (working directory; a relative path is
//! taken from the structure folder, as document paths are), `_4D_OPTION_BLOCKING_EXTERNAL_PROCESS` ("false": the program is started
//! and not waited for, the streams stay empty and `pid` gets its id) and
//! `_4D_OPTION_HIDE_CONSOLE` (no console on this platform: ignored).
//! `OK` is 1 when the program ran (whatever its exit status), 0 when it could not
//! be started.

use super::Args;
use crate::cmd;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};
use std::io::Write;
use std::process::{Command, Stdio};
use std::rc::Rc;

pub static COMMANDS: &[super::CommandDef] = &[cmd!(
    "LAUNCH EXTERNAL PROCESS",
    launch_external_process,
    refs = 0b11100
)];

/// The words of a command line.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (q, '\\') if q != Some('\'') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (_, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// Reads and clears one of 4D's `_4D_OPTION_...` environment variables.
fn take_option(name: &str) -> Option<String> {
    let v = std::env::var(name).ok();
    if v.is_some() {
        std::env::remove_var(name);
    }
    v
}

/// The bytes of the input stream (Text as UTF-8, Blob as is).
fn input_bytes(v: &Value) -> Vec<u8> {
    match v {
        Value::Blob(b) => b.to_vec(),
        Value::Text(t) => t.as_bytes().to_vec(),
        _ => Vec::new(),
    }
}

/// Stores `bytes` into the variable parameter `i` points to: a Blob variable
/// gets the bytes, any other a Text (UTF-8, invalid sequences replaced).
fn store_stream(it: &mut Interp, a: &Args, i: usize, bytes: Vec<u8>) -> RtResult<()> {
    let Value::Pointer(p) = a.get(i) else {
        return Ok(());
    };
    let p = p.clone();
    let is_blob = matches!(it.deref_raw(&p), Ok(Value::Blob(_)));
    let v = if is_blob {
        Value::Blob(Rc::new(bytes))
    } else {
        text(String::from_utf8_lossy(&bytes).into_owned())
    };
    it.store_ptr(&p, v)
}

fn launch_external_process(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let line = a.text(0, "LAUNCH EXTERNAL PROCESS")?;
    let dir = take_option("_4D_OPTION_CURRENT_DIRECTORY");
    let blocking = take_option("_4D_OPTION_BLOCKING_EXTERNAL_PROCESS")
        .map(|v| !v.eq_ignore_ascii_case("false"))
        .unwrap_or(true);
    let _ = take_option("_4D_OPTION_HIDE_CONSOLE");
    let words = split_words(&line);
    let Some((prog, args)) = words.split_first() else {
        super::set_ok(it, 0);
        return Ok(Value::Undefined);
    };
    let mut cmd = Command::new(prog);
    cmd.args(args);
    if let Some(d) = dir.filter(|d| !d.is_empty()) {
        cmd.current_dir(super::files::resolve(it, &d));
    }
    let input = if a.len() > 1 {
        input_bytes(a.get(1))
    } else {
        Vec::new()
    };
    if !blocking {
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        return match cmd.spawn() {
            Ok(child) => {
                if a.len() > 4 {
                    if let Value::Pointer(p) = a.get(4) {
                        let p = p.clone();
                        it.store_ptr(&p, Value::Int(child.id() as i32))?;
                    }
                }
                super::set_ok(it, 1);
                Ok(Value::Undefined)
            }
            Err(_) => {
                super::set_ok(it, 0);
                Ok(Value::Undefined)
            }
        };
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(_) => {
            super::set_ok(it, 0);
            return Ok(Value::Undefined);
        }
    };
    let pid = child.id();
    if let Some(mut stdin) = child.stdin.take() {
        // written from a thread: a program that fills its stdout before reading all
        // of its stdin would otherwise block both sides
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let out = match child.wait_with_output() {
        Ok(o) => o,
        Err(_) => {
            super::set_ok(it, 0);
            return Ok(Value::Undefined);
        }
    };
    if a.len() > 2 {
        store_stream(it, a, 2, out.stdout)?;
    }
    if a.len() > 3 {
        store_stream(it, a, 3, out.stderr)?;
    }
    if a.len() > 4 {
        if let Value::Pointer(p) = a.get(4) {
            let p = p.clone();
            it.store_ptr(&p, Value::Int(pid as i32))?;
        }
    }
    super::set_ok(it, 1);
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn words_split_like_a_shell() {
        assert_eq!(split_words("ls -l /tmp"), ["ls", "-l", "/tmp"]);
        assert_eq!(
            split_words(r#"cat "/a b/c" 'd e' f\ g"#),
            ["cat", "/a b/c", "d e", "f g"]
        );
        assert_eq!(split_words(r#"x "" y"#), ["x", "", "y"]);
        assert!(split_words("   ").is_empty());
    }
}
