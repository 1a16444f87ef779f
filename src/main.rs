//! The `fourd` command line: a thin user of the library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fourd",
    version,
    about = "Run 4D method code outside 4D",
    args_conflicts_with_subcommands = true,
    after_help = "Without a subcommand, fourd takes tool4d's command line:\n  \
        fourd --project PATH [--startup-method NAME] [--skip-onstartup] [--dataless]\n        \
        [--user-param TEXT] [--opening-mode interpreted|compiled] [--data PATH]"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Memory fourd may hold, in megabytes, past which the code gets error 34
    /// "not enough memory" (default: three quarters of the machine's memory).
    #[arg(long, global = true, value_name = "MB")]
    max_memory: Option<usize>,
    #[command(flatten)]
    tool4d: Tool4dArgs,
}

/// tool4d's command line (docs/Admin/cli.md): runs On Startup, the startup method,
/// then On Exit, and quits.
#[derive(clap::Args, Default)]
struct Tool4dArgs {
    /// The project: its .4DProject file, or the folder holding Project/.
    #[arg(long, value_name = "PATH")]
    project: Option<PathBuf>,
    /// The project method to run after On Startup.
    #[arg(long, value_name = "NAME")]
    startup_method: Option<String>,
    /// Run neither On Startup nor On Exit.
    #[arg(long)]
    skip_onstartup: bool,
    /// No data file: the tables exist, their records live in memory.
    #[arg(long)]
    dataless: bool,
    /// A text for Get database parameter(User param value; $text).
    #[arg(long, value_name = "TEXT")]
    user_param: Option<String>,
    /// Accepted for tool4d compatibility; fourd always interprets.
    #[arg(long, value_name = "MODE", value_parser = ["interpreted", "compiled"])]
    opening_mode: Option<String>,
    /// The data file (SQLite) to open.
    #[arg(long, value_name = "PATH")]
    data: Option<PathBuf>,
    /// fourd's own: stop the run with an error (exit code 70) after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    max_time: Option<f64>,
    /// Accepted for tool4d compatibility (fourd is always headless).
    #[arg(long)]
    headless: bool,
    /// Accepted for tool4d compatibility (a missing data file is always created).
    #[arg(long)]
    create_data: bool,
}

/// Counts the bytes held, for the memory budget (runtime::memory).
#[global_allocator]
static ALLOC: fourd::runtime::memory::Counting = fourd::runtime::memory::Counting;

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
        /// :memory:, or a PostgreSQL database (postgres://user@host/db).
        /// Default: the project's Data/ folder; in memory for scripts.
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
        /// Where the records are: an SQLite data file or folder, or a PostgreSQL
        /// database (postgres://user@host/db) that several instances can share.
        #[arg(long)]
        data: Option<String>,
    },
    /// Golden-output tests: every NAME.4dm with a NAME.out beside it (exact stdout),
    /// optionally NAME.err (exact stderr) and NAME.exit (exit code, default 0).
    Test {
        /// Files or folders to search for cases (default: the current folder).
        paths: Vec<PathBuf>,
        /// Rewrite NAME.out / NAME.err / NAME.exit from what ran.
        #[arg(long)]
        update: bool,
        /// Write a JUnit XML report to this file.
        #[arg(long, value_name = "FILE")]
        junit: Option<PathBuf>,
        /// Time limit of one case, in seconds (killed and failed past it).
        #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
        timeout: f64,
        /// Cases run at the same time (default: the number of cores).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Read NAME.err as fourd's own suite does: the exit code on the first
        /// line, then substrings stderr must contain (NAME.exit is not read).
        #[arg(long)]
        err_substrings: bool,
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
    // the command library registers into the runtime's tables before anything compiles
    fourd::commands::register();
    if let Some(mb) = cli.max_memory {
        fourd::runtime::memory::set_budget(mb.saturating_mul(1 << 20));
    }
    let code = match cli.command {
        None if cli.tool4d.project.is_some() => {
            let t = cli.tool4d;
            fourd::tool4d::tool4d_cli(fourd::tool4d::Args {
                project: t.project.unwrap_or_default(),
                startup_method: t.startup_method,
                skip_onstartup: t.skip_onstartup,
                dataless: t.dataless,
                user_param: t.user_param,
                opening_mode: t.opening_mode,
                data: t.data,
                max_time: t.max_time,
            })
        }
        None if cli.tool4d.startup_method.is_some()
            || cli.tool4d.skip_onstartup
            || cli.tool4d.dataless
            || cli.tool4d.user_param.is_some()
            || cli.tool4d.data.is_some() =>
        {
            eprintln!("fourd: --project PATH is required (tool4d's command line)");
            fourd::tool4d::NOT_FOUND
        }
        Some(Command::Test {
            paths,
            update,
            junit,
            timeout,
            jobs,
            err_substrings,
        }) => match std::time::Duration::try_from_secs_f64(timeout) {
            Ok(t) if !t.is_zero() => {
                let format = if err_substrings {
                    fourd::testrun::ErrFormat::CodeThenSubstrings
                } else {
                    fourd::testrun::ErrFormat::Exact
                };
                fourd::testrun::test_cli(&paths, update, junit.as_deref(), t, jobs, format)
            }
            _ => {
                eprintln!("fourd test: --timeout wants a positive number of seconds");
                2
            }
        },
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
            data,
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
                data: data
                    .as_deref()
                    .map(fourd::datastore::DataPath::from_arg)
                    .unwrap_or_default(),
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
