//! The `fourd` command line: a thin user of the library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "fourd", version, about = "Run 4D method code outside 4D")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse files, folders (every .4dm below) or 4D projects and report syntax errors.
    Check {
        /// Files or folders to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print errors without source snippets.
        #[arg(long)]
        quiet: bool,
    },
    /// Run a .4dm file as a method, or a 4D project folder (On Startup, then On Exit).
    Run {
        /// A .4dm file or a 4D project folder.
        path: PathBuf,
        /// With a project folder: the project method to run after On Startup.
        #[arg(long)]
        method: Option<String>,
        /// The data file (SQLite): a file, a folder (data.sqlite inside) or
        /// :memory:. Default: the project's Data/ folder; in memory for scripts.
        #[arg(long)]
        data: Option<String>,
        /// Text parameters passed to the method ($1, $2...).
        args: Vec<String>,
    },
    /// List the implemented 4D commands, one `NUMBER<TAB>Name` per line.
    Commands,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { paths, quiet } => fourd::check::check_paths(&paths, quiet),
        Command::Run {
            path,
            method,
            data,
            args,
        } => fourd::run::run_cli_with_data(
            &path,
            method.as_deref(),
            &args,
            data.as_deref()
                .map(fourd::datastore::DataPath::from_arg)
                .unwrap_or_default(),
        ),
        Command::Commands => {
            for (num, name) in fourd::commands::implemented() {
                println!("{}\t{}", num, name);
            }
            0
        }
    };
    ExitCode::from(code)
}
