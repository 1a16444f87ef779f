//! The `fourd` command line: a thin user of the library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "fourd", version, about = "Run 4D method code outside 4D")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
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
        /// Stop the run with an error (exit code 70) after this many seconds.
        #[arg(long, value_name = "SECONDS")]
        max_time: Option<f64>,
        /// The data file (SQLite): a file, a folder (data.sqlite inside) or
        /// :memory:. Default: the project's Data/ folder; in memory for scripts.
        #[arg(long)]
        data: Option<String>,
        /// Text parameters passed to the method ($1, $2...).
        args: Vec<String>,
    },
    /// Serve a 4D project over HTTP with legacy web sessions (On Startup, the web
    /// server until SIGINT/SIGTERM, then On Exit).
    Serve {
        /// The 4D project folder (holding Project/ and WebFolder/).
        path: PathBuf,
        /// TCP port (default: Web port ID if set by On Startup, else 8080).
        #[arg(long)]
        port: Option<u16>,
        /// Run the session clock (timeouts, expiry) K times faster than real time.
        #[arg(long, default_value_t = 1.0)]
        clock_scale: f64,
        /// Address to listen on (default: all interfaces).
        #[arg(long)]
        listen: Option<String>,
        /// Stop a request's code with error 35 (answer 503) after this many
        /// seconds (default 60; 4D itself has no such limit).
        #[arg(long, value_name = "SECONDS")]
        request_time_limit: Option<f64>,
    },
    /// List the implemented 4D commands, one `NUMBER<TAB>Name` per line.
    Commands,
    /// Interactive session (REPL); reads entries line by line when stdin is not a terminal.
    Repl {
        /// A 4D project folder or a folder of .4dm files whose methods are callable
        /// (a .4dm file: its folder's methods, and the file is run first).
        path: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() {
                fourd::repl::repl_cli(None)
            } else {
                use clap::CommandFactory;
                let _ = Cli::command().print_help();
                64
            }
        }
        Some(Command::Repl { path }) => fourd::repl::repl_cli(path.as_deref()),
        Some(Command::Check { paths, quiet }) => fourd::check::check_paths(&paths, quiet),
        Some(Command::Serve {
            path,
            port,
            clock_scale,
            listen,
            request_time_limit,
        }) => match request_time_limit.map(std::time::Duration::try_from_secs_f64) {
            Some(Err(_)) => {
                eprintln!("fourd: --request-time-limit wants a positive number of seconds");
                64
            }
            limit => fourd::web::serve::serve_cli(fourd::web::serve::ServeOptions {
                dir: path,
                port,
                clock_scale,
                listen,
                request_time_limit: limit.and_then(Result::ok),
            }),
        },
        Some(Command::Commands) => {
            for (num, name) in fourd::commands::implemented() {
                println!("{}\t{}", num, name);
            }
            0
        }
        Some(Command::Run {
            path,
            method,
            data,
            max_time,
            args,
        }) => {
            let data = data
                .as_deref()
                .map(fourd::datastore::DataPath::from_arg)
                .unwrap_or_default();
            match max_time.map(std::time::Duration::try_from_secs_f64) {
                Some(Err(_)) => {
                    eprintln!("fourd: --max-time wants a positive number of seconds");
                    64
                }
                Some(Ok(d)) => {
                    fourd::run::run_cli_full(&path, method.as_deref(), &args, data, Some(d))
                }
                None => fourd::run::run_cli_full(&path, method.as_deref(), &args, data, None),
            }
        }
    };
    ExitCode::from(code)
}
