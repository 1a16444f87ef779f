//! Issue #9, nothing lost: a file written by `TEXT TO DOCUMENT`, `BLOB TO
//! DOCUMENT` or `File.setText()` is, after the process is killed at any moment,
//! either absent, the previous complete version, or the new complete version.

use std::process::Command;
use std::time::Duration;

#[test]
fn documents_are_complete_or_absent_after_a_kill() {
    let dir = std::env::temp_dir().join(format!("fourd-rel-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b, c) = (dir.join("a.txt"), dir.join("b.bin"), dir.join("c.txt"));
    // each version: 300,000 copies of one letter, then "END"
    let code = format!(
        r#"var $i : Integer
var $t : Text
var $x : Blob
var $f : 4D.File
$f:=File("{c}"; fk platform path)
Repeat
	$i:=$i+1
	$t:=Char(65+($i%26))*300000+"END"
	TEXT TO DOCUMENT("{a}"; $t)
	TEXT TO BLOB($t; $x; UTF8 text without length)
	BLOB TO DOCUMENT("{b}"; $x)
	$f.setText($t)
Until (False)
"#,
        a = a.display(),
        b = b.display(),
        c = c.display()
    );
    let script = dir.join("writer.4dm");
    std::fs::write(&script, code).unwrap();
    let mut complete = 0;
    for round in 0..8 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("run")
            .arg(&script)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // once the writer is writing (its first file is there), at varying moments
        let t = std::time::Instant::now();
        while !a.exists() && t.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(7 * round));
        child.kill().unwrap(); // SIGKILL: no cleanup of any kind
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.code().is_none(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for p in [&a, &b, &c] {
            if let Ok(bytes) = std::fs::read(p) {
                let bytes = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    &bytes[3..]
                } else {
                    &bytes[..]
                };
                assert_eq!(bytes.len(), 300_003, "{} is partial", p.display());
                assert!(bytes.ends_with(b"END"));
                assert!(bytes[..300_000].iter().all(|&x| x == bytes[0]));
                complete += 1;
            }
        }
    }
    assert!(complete > 0, "the writer never wrote anything");
    let _ = std::fs::remove_dir_all(&dir);
}
