//! File names of the web folder, matched as 4D matches them: case-insensitively
//! (4D runs on case-insensitive file systems, so a real application has
//! `Webfolder/` and links to `/Index.html`). An exact match wins; otherwise the
//! first entry of the folder whose name is equal ignoring case.

use std::path::{Path, PathBuf};

/// The entry `name` of folder `dir`: exact, else ignoring case.
fn entry_ci(dir: &Path, name: &str) -> Option<PathBuf> {
    let exact = dir.join(name);
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if exact.exists() {
        return Some(exact);
    }
    let lower = name.to_lowercase();
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().to_lowercase() == lower)
        .map(|e| match exact.parent() {
            Some(p) => p.join(e.file_name()),
            None => e.path(),
        })
}

/// `rel` (`/`-separated, may hold `.` and `..`) under `base`, each component
/// matched case-insensitively. `..` goes up lexically; the caller checks that the
/// result stays where it must.
pub fn find_ci(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut p = base.to_path_buf();
    for comp in rel.split(['/', '\\']) {
        match comp {
            "" | "." => {}
            ".." => {
                if !p.pop() {
                    return None;
                }
            }
            c => p = entry_ci(&p, c)?,
        }
    }
    Some(p)
}

/// A folder of `root` named `name` ignoring case (`WebFolder`, `Webfolder`...).
pub fn child_dir_ci(root: &Path, name: &str) -> Option<PathBuf> {
    entry_ci(root, name).filter(|p| p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_ignoring_case() {
        let d = std::env::temp_dir().join(format!("fourd-paths-{}", std::process::id()));
        std::fs::create_dir_all(d.join("Sub")).unwrap();
        std::fs::write(d.join("Sub/Index.HTML"), "x").unwrap();
        let f = find_ci(&d, "sub/index.html").unwrap();
        assert!(f.ends_with("Sub/Index.HTML"), "{}", f.display());
        assert!(find_ci(&d, "sub/../Sub/INDEX.html").is_some());
        assert!(find_ci(&d, "nope.html").is_none());
        assert!(child_dir_ci(&d, "SUB").is_some());
        std::fs::remove_dir_all(&d).unwrap();
    }
}
