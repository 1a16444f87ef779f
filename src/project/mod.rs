//! Loading code from disk: a 4D project folder (`Project/Sources/...`) or a folder
//! of scripts, and the names the lexer must know for it.

pub mod catalog;

use crate::syntax::KnownNames;
use std::path::{Path, PathBuf};

/// The `Project/Sources` folder above `file`, if it lies inside a 4D project.
pub fn project_sources(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .find(|d| d.file_name().is_some_and(|n| n == "Project") && d.join("Sources").is_dir())
        .map(|d| d.join("Sources"))
}

/// The `.4dm` file stems of a folder.
pub fn method_names_in(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
            {
                if let Some(stem) = path.file_stem() {
                    names.push(stem.to_string_lossy().into_owned());
                }
            }
        }
    }
    names.sort();
    names
}

/// The place whose names apply to `file`: the project's Sources folder, or the
/// script's own folder.
pub fn names_key(file: &Path) -> PathBuf {
    project_sources(file)
        .unwrap_or_else(|| file.parent().map(Path::to_path_buf).unwrap_or_default())
}

/// The names known at a place given by [`names_key`].
pub fn names_at(key: &Path) -> KnownNames {
    if key.file_name().is_some_and(|n| n == "Sources") && key.join("Methods").is_dir()
        || key.join("catalog.4DCatalog").is_file()
    {
        let (tables, fields) = catalog::table_and_field_names(&key.join("catalog.4DCatalog"));
        KnownNames {
            methods: method_names_in(&key.join("Methods")),
            tables,
            fields,
        }
    } else {
        KnownNames {
            methods: method_names_in(key),
            ..KnownNames::default()
        }
    }
}
