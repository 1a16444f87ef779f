//! `fourd serve PROJECT_DIR [--port N] [--clock-scale K] [--request-time-limit S]`:
//! loads and compiles the project once, runs `On Startup`, starts the web server
//! (port: `--port`, else `Web port ID` if set by code, else 8080), then runs the
//! application's scheduler: web sessions, workers and other processes share one
//! world until SIGINT or SIGTERM; then every session is closed (its close method
//! runs) and `On Exit` runs. Sessions are legacy sessions unless the code chose
//! otherwise (`WEB SET OPTION(Web scalable session; 1)` in `On Startup`).

use super::clock::ScaledClock;
use super::options::sel;
use super::{host, server, WebRuntime};
use crate::project::{self, LoadError};
use crate::runtime::interp::Interp;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    pub dir: PathBuf,
    pub port: Option<u16>,
    pub clock_scale: f64,
    /// The address to listen on (default: `Web IP address to listen`, else all).
    pub listen: Option<String>,
    /// How long a request's code may run (default 60 s; 4D has no such limit).
    pub request_time_limit: Option<Duration>,
    /// Where the records are (`--data`; default: the project's `Data/` folder).
    pub data: crate::datastore::DataPath,
}

/// Runs the whole `serve` sequence on the calling thread: `ready` gets the address
/// once the server listens; when `wait` returns (on a thread of its own) the
/// server stops as on SIGTERM. Returns the exit code (0, 64 usage, 65 syntax
/// errors, 70 runtime error in On Exit, 71 the server could not start). A runtime
/// error in On Startup is reported on stderr and the server starts all the same
/// (4D reports it and goes on).
pub fn serve(
    opts: &ServeOptions,
    ready: impl FnOnce(SocketAddr, Arc<WebRuntime>),
    wait: impl FnOnce() + Send + 'static,
) -> u8 {
    let loaded = match project::load(&opts.dir, None) {
        Ok(l) => l,
        Err(LoadError::Usage(m)) => {
            eprintln!("fourd: {}", m);
            return 64;
        }
        Err(LoadError::Syntax(errs)) => {
            for e in errs {
                eprintln!("{}:{}:{}: {}", e.path.display(), e.line, e.col, e.message);
            }
            return 65;
        }
    };
    for b in &loaded.broken {
        eprintln!("{b}");
    }
    let Some((root, name)) = project::project_root_and_name(&opts.dir) else {
        eprintln!("fourd: {}: not a 4D project", opts.dir.display());
        return 64;
    };
    let scale = if opts.clock_scale > 0.0 {
        opts.clock_scale
    } else {
        1.0
    };
    let rt = WebRuntime::new(Some(root), &name, Arc::new(ScaledClock::new(scale)));
    let prog = &loaded.program;
    let mut it = Interp::new(
        prog,
        Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        )),
        Box::new(std::io::stderr()),
    );
    // The datastore is opened once; every process of the application shares it.
    if !loaded.structure.is_empty() {
        match crate::datastore::open_shared(
            loaded.structure.clone(),
            loaded.project_root.as_deref(),
            &opts.data,
        ) {
            Ok(store) => it.db = crate::datastore::ProcessDb::new(Some(store), "Main"),
            Err(e) => {
                eprintln!("fourd: {e}");
                return 64;
            }
        }
    }
    let h = host::install(&mut it, rt.clone());
    if let Some(l) = opts.request_time_limit {
        h.time_limit = l;
    }
    let is = |id: u32, n: &str| prog.methods[id as usize].name == n;
    for &(id, _) in loaded.entries.iter().filter(|e| is(e.0, "On Startup")) {
        if let Err(e) = it.call_method(id, Vec::new(), 0) {
            // 4D reports an error of On Startup and goes on: the server still serves
            it.flush();
            eprint!("{}", crate::runtime::error::render_error(prog, &e));
            eprintln!("fourd: On Startup stopped on this error; serving anyway");
        }
    }
    it.flush();
    {
        let was_set = rt.options().was_set(sel::PORT);
        let port = opts.port.or(if was_set { None } else { Some(8080) });
        *rt.port_override.lock().unwrap_or_else(|e| e.into_inner()) = port;
        if let Some(ip) = &opts.listen {
            let _ = rt
                .options()
                .set(sel::IP_TO_LISTEN, super::options::OptVal::Text(ip.clone()));
        }
    }
    let addr = match rt.local_addr() {
        Some(a) => a, // On Startup already started it
        None => match host::start_server(&mut it) {
            Ok(a) => a,
            Err(m) => {
                eprintln!("fourd: the web server could not start: {}", m);
                return 71;
            }
        },
    };
    ready(addr, rt.clone());
    let tx = host::get(&mut it).sender();
    let _ = std::thread::Builder::new()
        .name("fourd-serve-wait".into())
        .spawn(move || {
            wait();
            let _ = tx.send(host::Event::Quit);
        });
    // the application runs: sessions, workers, timers, until the stop
    crate::runtime::scheduler::serve(&mut it);
    server::stop(&rt);
    it.flush();
    let mut code = 0;
    for &(id, _) in loaded.entries.iter().filter(|e| is(e.0, "On Exit")) {
        if let Err(e) = it.call_method(id, Vec::new(), 0) {
            it.flush();
            eprint!("{}", crate::runtime::error::render_error(prog, &e));
            code = 70;
            break;
        }
    }
    it.flush();
    // the processes still alive (workers) end with the application
    crate::runtime::scheduler::shutdown(&mut it);
    it.flush();
    code
}

/// The CLI: prints the address, stops on SIGINT or SIGTERM (caught by the front).
pub fn serve_cli(opts: ServeOptions) -> u8 {
    let h = std::thread::Builder::new()
        .name("fourd".into())
        .stack_size(1 << 30)
        .spawn(move || {
            serve(
                &opts,
                |addr, _| {
                    println!("fourd: serving http://{}/ (Ctrl-C to stop)", addr);
                    use std::io::Write;
                    let _ = std::io::stdout().flush();
                },
                || loop {
                    std::thread::park();
                },
            )
        });
    match h.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("fourd: internal error");
            70
        }
    }
}
