//! File names of the web folder, matched as 4D matches them: case-insensitively
//! (4D runs on case-insensitive file systems, so a real application has
//! `Webfolder/` and links to `/Index.html`). An exact match wins; otherwise the
//! first entry of the folder whose name is equal ignoring case.
//!
//! The names of a folder, lower-cased, are kept in a small cache checked against
//! the folder's modification time (once it is a second old), so a URL that names no file (a `4DACTION`, a
//! page of `On Web Connection`) costs two `stat` calls, not a read of the folder.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// A folder's entries as `(lower-cased name, name)`, as of its modification time.
type Listing = (SystemTime, Arc<Vec<(String, OsString)>>);

/// Folders listed so far (cleared when it holds too many).
static LISTINGS: Mutex<Option<HashMap<PathBuf, Listing>>> = Mutex::new(None);
const MAX_LISTINGS: usize = 4096;

/// The entries of `dir`, from the cache while the folder has not changed.
fn listing(dir: &Path) -> Option<Arc<Vec<(String, OsString)>>> {
    let mtime = std::fs::metadata(dir).ok()?.modified().ok()?;
    let mut cache = LISTINGS.lock().ok()?;
    let map = cache.get_or_insert_with(HashMap::new);
    if let Some((t, names)) = map.get(dir) {
        if *t == mtime {
            return Some(names.clone());
        }
    }
    let names: Arc<Vec<(String, OsString)>> = Arc::new(
        std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| {
                let n = e.file_name();
                (n.to_string_lossy().to_lowercase(), n)
            })
            .collect(),
    );
    // a folder changed within the last second may change again within the same tick
    // of the file system's clock: its listing is not kept
    let settled = SystemTime::now()
        .duration_since(mtime)
        .is_ok_and(|age| age.as_secs() >= 1);
    if settled {
        if map.len() >= MAX_LISTINGS {
            map.clear();
        }
        map.insert(dir.to_path_buf(), (mtime, names.clone()));
    }
    Some(names)
}

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
    let names = listing(dir)?;
    let (_, found) = names.iter().find(|(l, _)| *l == lower)?;
    Some(match exact.parent() {
        Some(p) => p.join(found),
        None => dir.join(found),
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
        // the cached listing follows the folder: a file added or renamed later is found
        assert!(find_ci(&d, "sub/NEW.txt").is_none());
        std::fs::write(d.join("Sub/New.TXT"), "y").unwrap();
        let f = find_ci(&d, "sub/new.txt").unwrap();
        assert!(f.ends_with("Sub/New.TXT"), "{}", f.display());
        std::fs::rename(d.join("Sub/New.TXT"), d.join("Sub/Renamed.txt")).unwrap();
        assert!(find_ci(&d, "sub/new.txt").is_none());
        assert!(find_ci(&d, "SUB/RENAMED.TXT").is_some());
        std::fs::remove_dir_all(&d).unwrap();
    }
}
