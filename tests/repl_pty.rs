//! The REPL on a pseudo-terminal, driven with tmux (skipped when tmux is missing):
//! tab completion, history across sessions, Ctrl-C, multi-line blocks, Ctrl-D.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket, no user configuration).
struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn start(name: &str, data_home: &Path, folder: &Path) -> Tmux {
        let t = Tmux {
            socket: format!("fourd-test-{}-{}", name, std::process::id()),
            session: "repl".into(),
        };
        let command = format!(
            "env XDG_DATA_HOME='{}' TERM=xterm '{}' repl '{}'",
            data_home.display(),
            env!("CARGO_BIN_EXE_fourd"),
            folder.display()
        );
        t.cmd(&[
            "new-session",
            "-d",
            "-s",
            &t.session,
            "-x",
            "120",
            "-y",
            "40",
            &command,
        ])
        .expect("tmux new-session");
        t.wait_for("4D>");
        t
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", &self.session, k])
                .expect("tmux send-keys");
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.cmd(&["send-keys", "-t", &self.session, "-l", text])
            .expect("tmux send-keys");
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", &self.session])
            .unwrap_or_default()
    }

    /// Waits until the screen satisfies `f`; panics with the screen after 15 s.
    fn wait_until(&self, what: &str, f: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if f(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    fn wait_exit(&self) {
        let start = Instant::now();
        while self.cmd(&["has-session", "-t", &self.session]).is_some() {
            if start.elapsed() > Duration::from_secs(15) {
                panic!("the REPL did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-repl-pty-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn completion_history_ctrl_c_and_blocks_on_a_terminal() {
    if !have_tmux() {
        eprintln!("tmux not found: skipping the pseudo-terminal test");
        return;
    }
    let dir = tmpdir("session");
    let data = dir.join("data");
    let folder = dir.join("methods");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("triple.4dm"),
        "#DECLARE($n : Real) : Real\nreturn $n*3\n",
    )
    .expect("write");

    let t = Tmux::start("a", &data, &folder);

    // completion of a local variable
    t.type_text("$counter:=7");
    t.keys(&["Enter"]);
    t.type_text("$coun");
    t.keys(&["Tab"]);
    t.wait_for("4D> $counter");
    t.type_text("+1");
    t.keys(&["Enter"]);
    t.wait_until("8", |s| s.lines().any(|l| l.trim() == "8"));

    // completion of a multi-word command name and of a project method
    t.type_text("LOG EV");
    t.keys(&["Tab"]);
    t.wait_for("4D> LOG EVENT");
    t.keys(&["C-u"]);
    t.type_text("tripl");
    t.keys(&["Tab"]);
    t.wait_for("4D> triple");
    t.type_text("(5)");
    t.keys(&["Enter"]);
    t.wait_until("15", |s| s.lines().any(|l| l.trim() == "15"));

    // Ctrl-C drops the entry being typed; the session goes on
    t.type_text("$counter:=1000");
    t.keys(&["C-c"]);
    t.type_text("$counter*2");
    t.keys(&["Enter"]);
    t.wait_until("14", |s| s.lines().any(|l| l.trim() == "14"));

    // Ctrl-C stops running code; the session and its variables survive
    t.type_text("$spins:=0");
    t.keys(&["Enter"]);
    t.type_text("While (True)");
    t.keys(&["Enter"]);
    t.type_text("$spins:=$spins+1");
    t.keys(&["Enter"]);
    t.type_text("End while");
    t.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["C-c"]);
    t.wait_for("Interrupted");
    t.type_text("$spins>0");
    t.keys(&["Enter"]);
    t.wait_until("True", |s| s.lines().any(|l| l.trim() == "True"));

    // a block continues until it is closed
    t.type_text("If ($counter>5)");
    t.keys(&["Enter"]);
    t.type_text("ALERT(\"big\")");
    t.keys(&["Enter"]);
    t.type_text("End if");
    t.keys(&["Enter"]);
    t.wait_until("big", |s| s.lines().any(|l| l.trim() == "big"));

    // history: Up recalls the previous entry (the whole block)
    t.keys(&["Up"]);
    t.wait_for("End if");
    t.keys(&["C-c"]);

    // Ctrl-D quits
    t.keys(&["C-d"]);
    t.wait_exit();
    drop(t);

    let history =
        std::fs::read_to_string(data.join("fourd").join("history")).expect("history file");
    assert!(history.contains("$counter*2"), "{history}");
    assert!(
        !history.contains("1000"),
        "a cancelled entry is not kept: {history}"
    );

    // a new session finds the history of the previous one
    let t = Tmux::start("b", &data, &folder);
    t.keys(&["Up"]);
    t.wait_for("End if");
    t.keys(&["C-c"]);
    t.type_text(":quit");
    t.keys(&["Enter"]);
    t.wait_exit();
}
