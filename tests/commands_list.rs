//! `fourd commands`: one `NUMBER<TAB>Name` line per implemented command.

use std::process::Command;

#[test]
fn commands_lists_implemented_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("commands")
        .output()
        .expect("run fourd commands");
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    for l in &lines {
        let (n, name) = l.split_once('\t').expect("NUMBER<TAB>Name");
        assert!(n.parse::<u32>().is_ok(), "bad number in {:?}", l);
        assert!(!name.is_empty());
    }
    for want in [
        "10\tString",
        "229\tSORT ARRAY",
        "1019\tMatch regex",
        "1566\tFile",
        "1470\tThis",
        "284\tC_TEXT",
        "214\tTrue",
        "864\tDOM Find XML element",
    ] {
        assert!(lines.contains(&want), "missing {:?}", want);
    }
}

#[test]
fn unimplemented_command_is_a_named_error() {
    let dir = std::env::temp_dir().join(format!("fourd_unimpl_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("unimpl_case.4dm");
    std::fs::write(&f, "DIALOG(\"x\")\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .arg(&f)
        .output()
        .expect("run fourd");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(70));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DIALOG"), "stderr: {}", err);
}
