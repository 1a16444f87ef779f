//! `fourd repl [PROJECT_OR_FOLDER]`: an interactive session (rustyline) on a
//! terminal, or entries read line by line from a pipe (no prompts, same
//! semantics). See REPL.md.

pub mod helper;
pub mod session;

use helper::{EnterHandler, ReplHelper, Shared, SharedRef};
use rustyline::error::ReadlineError;
use rustyline::{Config, Editor, EventHandler, KeyCode, KeyEvent, Modifiers};
use session::Session;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Stack size of the interpreter thread (as in `fourd run`).
const STACK_SIZE: usize = 1 << 30;

pub const HELP: &str = "\
Enter 4D code: a bare expression prints its value, a statement runs silently.
Blocks (If, Case of, For, For each, While, Repeat, Try, Use) go on until closed.
Variables ($locals too) persist between entries; project methods are callable.
  :help         this text
  :load FILE    run a .4dm file in this session
  :vars         variables with their type and value
  :type EXPR    the type of an expression's value
  :reset        forget every variable
  :quit         leave (Ctrl-D too); Ctrl-C cancels the entry being typed
";

/// Runs the REPL; returns the exit code (0, or 1 when an entry of a piped
/// session failed, 64 on bad usage).
pub fn repl_cli(path: Option<&Path>) -> u8 {
    let path = path.map(Path::to_path_buf);
    let h = std::thread::Builder::new()
        .name("fourd-repl".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let interactive =
                std::io::stdin().is_terminal() && std::env::var_os("FOURD_NO_TTY").is_none();
            let out: Box<dyn Write> = Box::new(std::io::stdout());
            let err: Box<dyn Write> = Box::new(std::io::stderr());
            let mut s = match Session::new(path.as_deref(), out, err) {
                Ok(s) => s,
                Err(m) => {
                    eprintln!("fourd: {m}");
                    return 64;
                }
            };
            let start_file = path.filter(|p| p.is_file());
            if interactive {
                interactive_loop(&mut s, start_file.as_deref())
            } else {
                piped_loop(&mut s, start_file.as_deref(), std::io::stdin().lock())
            }
        });
    match h.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("fourd: internal error");
            70
        }
    }
}

/// What a meta command asks the loop to do.
enum Meta {
    Continue,
    Quit,
}

/// Runs a `:command`; `ok` is cleared when it fails.
fn meta(s: &mut Session, line: &str, ok: &mut bool) -> Meta {
    let line = line.trim();
    let (cmd, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    match cmd {
        ":help" | ":h" | ":?" => {
            let _ = s.out().write_all(HELP.as_bytes());
        }
        ":quit" | ":q" | ":exit" => return Meta::Quit,
        ":vars" => {
            let vars = s.vars();
            let w1 = vars
                .iter()
                .map(|v| v.name.chars().count())
                .max()
                .unwrap_or(0);
            let w2 = vars.iter().map(|v| v.ty.len()).max().unwrap_or(0);
            let mut text = String::new();
            for v in vars {
                text.push_str(&format!(
                    "{:w1$}  {:w2$}  {}\n",
                    v.name,
                    v.ty,
                    v.value,
                    w1 = w1,
                    w2 = w2
                ));
            }
            let _ = s.out().write_all(text.as_bytes());
        }
        ":type" if !arg.is_empty() => *ok &= s.type_of(arg),
        ":load" if !arg.is_empty() => *ok &= s.load(Path::new(arg)),
        ":reset" => {
            s.reset();
            let _ = s.out().write_all(b"session reset\n");
        }
        ":type" | ":load" => {
            let msg = format!("{cmd}: missing argument (see :help)\n");
            let _ = s.err().write_all(msg.as_bytes());
            *ok = false;
        }
        _ => {
            let msg = format!("unknown command {cmd} (see :help)\n");
            let _ = s.err().write_all(msg.as_bytes());
            *ok = false;
        }
    }
    let _ = s.out().flush();
    Meta::Continue
}

/// Reads entries from `input` line by line: a line starting with `:` is a meta
/// command; other lines accumulate until no block is left open.
pub fn piped_loop(s: &mut Session, start: Option<&Path>, input: impl BufRead) -> u8 {
    let mut ok = true;
    if let Some(f) = start {
        ok &= s.load(f);
    }
    let mut buf = String::new();
    for line in input.lines() {
        let Ok(line) = line else { break };
        let line = line.trim_end_matches('\r');
        if buf.is_empty() {
            if line.trim().is_empty() {
                continue;
            }
            if line.trim_start().starts_with(':') {
                match meta(s, line, &mut ok) {
                    Meta::Quit => return if ok { 0 } else { 1 },
                    Meta::Continue => continue,
                }
            }
        }
        buf.push_str(line);
        buf.push('\n');
        if session::open_blocks(&buf, s.known()) == 0 {
            ok &= s.eval(&buf);
            buf.clear();
        }
    }
    if !buf.trim().is_empty() {
        ok &= s.eval(&buf);
    }
    if ok {
        0
    } else {
        1
    }
}

/// The history file: `$XDG_DATA_HOME/fourd/history`, else
/// `~/.local/share/fourd/history`.
pub fn history_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?)
            .join(".local")
            .join("share"),
    };
    Some(base.join("fourd").join("history"))
}

/// Ctrl-C while an entry runs stops it ("Interrupted", error 35) instead of ending
/// fourd; while a line is edited, rustyline reads Ctrl-C as a key.
#[cfg(unix)]
fn catch_ctrl_c(s: &Session) {
    let flag = s.interrupt_flag();
    // SAFETY: the handler only stores into an atomic, which is async-signal-safe.
    let _ = unsafe {
        signal_hook_registry::register(libc::SIGINT, move || {
            flag.store(true, std::sync::atomic::Ordering::SeqCst)
        })
    };
}

#[cfg(not(unix))]
fn catch_ctrl_c(_: &Session) {}

fn interactive_loop(s: &mut Session, start: Option<&Path>) -> u8 {
    s.color = true;
    let shared: SharedRef = Arc::new(Mutex::new(Shared {
        names: s.scope_names(),
        known: s.known().clone(),
    }));
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_space(true)
        .history_ignore_dups(true)
        .unwrap_or_else(|_| Config::builder())
        .max_history_size(10_000)
        .unwrap_or_else(|_| Config::builder())
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut rl: Editor<ReplHelper, rustyline::history::DefaultHistory> =
        match Editor::with_config(config) {
            Ok(rl) => rl,
            Err(e) => {
                eprintln!("fourd: cannot open the terminal: {e}");
                return 70;
            }
        };
    rl.set_helper(Some(ReplHelper {
        shared: shared.clone(),
    }));
    rl.bind_sequence(
        KeyEvent(KeyCode::Enter, Modifiers::NONE),
        EventHandler::Conditional(Box::new(EnterHandler {
            shared: shared.clone(),
        })),
    );
    catch_ctrl_c(s);
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    println!(
        "fourd {} REPL — :help for help, Ctrl-D to quit",
        env!("CARGO_PKG_VERSION")
    );
    let mut ok = true;
    if let Some(f) = start {
        s.load(f);
    }
    loop {
        if let Ok(mut sh) = shared.lock() {
            sh.names = s.scope_names();
        }
        match rl.readline("4D> ") {
            Ok(entry) => {
                if entry.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(entry.as_str());
                if let Some(h) = &history {
                    if let Some(dir) = h.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let _ = rl.append_history(h);
                }
                if entry.trim_start().starts_with(':') {
                    if let Meta::Quit = meta(s, &entry, &mut ok) {
                        break;
                    }
                } else {
                    s.eval(&entry);
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C: the entry being typed is dropped
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("fourd: {e}");
                return 70;
            }
        }
    }
    0
}
