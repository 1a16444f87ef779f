//! tool4d's command line, as is: `fourd --project PATH [--startup-method NAME]
//! [--skip-onstartup] [--dataless] [--user-param TEXT] [--opening-mode
//! interpreted|compiled] [--data PATH]` (docs/Admin/cli.md). This module finds the
//! project and the startup method and hands the run to [`crate::run`] (shared
//! with `fourd run`), which follows tool4d's sequence.
//!
//! Exit codes: 0 success (also after `QUIT 4D`), 2 the project or the startup
//! method cannot be found (nothing runs), 65 syntax errors, 70 an uncaught
//! runtime error happened (the sequence still went on to `On Exit`).
//! [choice] 4D's docs give no exit codes; 2 is what a command line returns for
//! unusable arguments, the others are `fourd run`'s.

use crate::datastore::DataPath;
use crate::run::{RunOptions, Tool4d};
use std::path::{Path, PathBuf};

/// The arguments of tool4d's command line.
#[derive(Debug, Clone, Default)]
pub struct Args {
    /// The `.4DProject` file, the `Project` folder, or the folder above it.
    pub project: PathBuf,
    pub startup_method: Option<String>,
    pub skip_onstartup: bool,
    pub dataless: bool,
    pub user_param: Option<String>,
    /// `interpreted` or `compiled`: fourd always interprets ("no error is thrown
    /// if the requested mode is unavailable", cli.md).
    pub opening_mode: Option<String>,
    pub data: Option<PathBuf>,
    /// `--max-time SECONDS` (fourd's own, as `fourd run --max-time`).
    pub max_time: Option<f64>,
}

/// Exit code when the project or the startup method is missing.
pub const NOT_FOUND: u8 = 2;

/// Where a project is: its root (the folder holding `Project/`) and its
/// `.4DProject` file (None when the folder has none).
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectPlace {
    pub root: PathBuf,
    pub structure_file: Option<PathBuf>,
}

/// Finds the project `path` designates, or says why not.
pub fn find_project(path: &Path) -> Result<ProjectPlace, String> {
    if !path.exists() {
        return Err(format!(
            "cannot open the project {}: no such file or folder",
            path.display()
        ));
    }
    let shown = path;
    // `.` or `X.4DProject` given from inside `Project/`: work on the real path
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = abs.as_path();
    let (root, file) = if path.is_file() {
        if !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("4DProject"))
        {
            return Err(format!(
                "cannot open the project {}: not a .4DProject file",
                shown.display()
            ));
        }
        let project_dir = path.parent().unwrap_or(Path::new("."));
        let project_dir = if project_dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            project_dir
        };
        let root = project_dir.parent().unwrap_or(Path::new(".")).to_path_buf();
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        (root, Some(path.to_path_buf()))
    } else if path.file_name().is_some_and(|n| n == "Project") && path.join("Sources").is_dir() {
        (
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf(),
            None,
        )
    } else {
        (path.to_path_buf(), None)
    };
    if !root.join("Project").join("Sources").is_dir() {
        return Err(format!(
            "cannot open the project {}: not a 4D project (no Project/Sources folder)",
            shown.display()
        ));
    }
    let structure_file = file.or_else(|| first_4dproject(&root.join("Project")));
    Ok(ProjectPlace {
        root,
        structure_file,
    })
}

fn first_4dproject(dir: &Path) -> Option<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("4DProject"))
        })
        .collect();
    v.sort();
    v.into_iter().next()
}

/// Whether the project has a method named `name` (4D names are case-insensitive).
fn has_method(root: &Path, name: &str) -> bool {
    let dir = root.join("Project").join("Sources").join("Methods");
    let want = format!("{}.4dm", name.to_lowercase());
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .any(|e| e.file_name().to_string_lossy().to_lowercase() == want)
        })
        .unwrap_or(false)
}

/// Runs tool4d's command line; returns the exit code.
pub fn tool4d_cli(args: Args) -> u8 {
    let place = match find_project(&args.project) {
        Ok(p) => p,
        Err(m) => {
            eprintln!("fourd: {m}");
            return NOT_FOUND;
        }
    };
    if let Some(m) = &args.startup_method {
        if !has_method(&place.root, m) {
            eprintln!(
                "fourd: the startup method \"{m}\" does not exist in the project {} (no Project/Sources/Methods/{m}.4dm)",
                args.project.display()
            );
            return NOT_FOUND;
        }
    }
    if let Some(mode) = &args.opening_mode {
        if mode != "interpreted" && mode != "compiled" {
            eprintln!("fourd: --opening-mode is interpreted or compiled, not {mode:?}");
            return NOT_FOUND;
        }
    }
    let max_time = match args.max_time.map(std::time::Duration::try_from_secs_f64) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => {
            eprintln!("fourd: --max-time wants a positive number of seconds");
            return NOT_FOUND;
        }
    };
    let data = match &args.data {
        Some(p) => DataPath::from_arg(&p.to_string_lossy()),
        None => DataPath::Default,
    };
    crate::run::run(RunOptions {
        path: place.root,
        method: args.startup_method.clone(),
        args: Vec::new(),
        data,
        max_time,
        tool4d: Some(Tool4d {
            skip_onstartup: args.skip_onstartup,
            user_param: args.user_param.unwrap_or_default(),
            dataless: args.dataless,
            structure_file: place.structure_file,
        }),
    })
}
