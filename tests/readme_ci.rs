//! The commands of the README's "Use fourd in CI" section work as written: every
//! `fourd ...` line of its first `sh` block runs from the repository's root and
//! exits with 0 (the `cargo install` line is what puts this binary on PATH).

use std::process::Command;

#[test]
fn readme_ci_commands_work_as_written() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let section = readme
        .split("\n## Use fourd in CI\n")
        .nth(1)
        .expect("README has a \"Use fourd in CI\" section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the section has an sh block");
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| l.starts_with("fourd "))
        .collect();
    assert!(commands.len() >= 2, "{block}");
    assert!(block.contains("cargo install --path ."), "{block}");
    for c in commands {
        let args: Vec<&str> = c.split_whitespace().skip(1).collect();
        let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .args(&args)
            .current_dir(root)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{c}` exited with {:?}:\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "`{c}` printed nothing");
    }
}
