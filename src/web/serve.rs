//! `fourd serve PROJECT_DIR [--port N] [--clock-scale K]`: runs `On Startup`, starts
//! the web server (port: `--port`, else `Web port ID` if set by code, else 8080),
//! serves until SIGINT or SIGTERM, stops the server (closing every session) and
//! runs `On Exit`. Sessions are legacy sessions unless the code chose otherwise
//! (`WEB SET OPTION(Web scalable session; 1)` in `On Startup`).

use super::clock::ScaledClock;
use super::options::sel;
use super::{server, WebRuntime};
use crate::project::{self, LoadError};
use crate::runtime::interp::Interp;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub dir: PathBuf,
    pub port: Option<u16>,
    pub clock_scale: f64,
    /// The address to listen on (default: `Web IP address to listen`, else all).
    pub listen: Option<String>,
}

/// Runs the whole `serve` sequence on the calling thread: `ready` gets the address
/// once the server listens, `wait` returns when the server must stop. Returns the
/// exit code (0, 64 usage, 65 syntax errors, 70 runtime error in On Startup/On Exit,
/// 71 the server could not start).
pub fn serve(
    opts: &ServeOptions,
    ready: impl FnOnce(SocketAddr, Arc<WebRuntime>),
    wait: impl FnOnce(),
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
    let rt = WebRuntime::new(
        Some(root),
        &name,
        Arc::new(ScaledClock::new(opts.clock_scale)),
    );
    let prog = &loaded.program;
    let mut it = Interp::new(
        prog,
        Box::new(std::io::stdout()),
        Box::new(std::io::stderr()),
    );
    it.web.rt = Some(rt.clone());
    // The startup process shares the datastore of the web processes.
    if !loaded.structure.is_empty() {
        let data = crate::datastore::DataPath::Default;
        match crate::datastore::open_shared(
            loaded.structure.clone(),
            loaded.project_root.as_deref(),
            &data,
        ) {
            Ok(store) => it.db = crate::datastore::ProcessDb::new(Some(store), "Main"),
            Err(e) => {
                eprintln!("fourd: {e}");
                return 64;
            }
        }
    }
    let is = |id: u32, n: &str| prog.methods[id as usize].name == n;
    for &(id, _) in loaded.entries.iter().filter(|e| is(e.0, "On Startup")) {
        if let Err(e) = it.call_method(id, Vec::new(), 0) {
            it.flush();
            eprint!("{}", crate::run::render_error(prog, &e));
            return 70;
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
        None => match server::start(&rt) {
            Ok(a) => a,
            Err(m) => {
                eprintln!("fourd: the web server could not start: {}", m);
                return 71;
            }
        },
    };
    ready(addr, rt.clone());
    wait();
    server::stop(&rt);
    for &(id, _) in loaded.entries.iter().filter(|e| is(e.0, "On Exit")) {
        if let Err(e) = it.call_method(id, Vec::new(), 0) {
            it.flush();
            eprint!("{}", crate::run::render_error(prog, &e));
            return 70;
        }
    }
    it.flush();
    0
}

/// The CLI: prints the address, stops on SIGINT or SIGTERM.
pub fn serve_cli(opts: ServeOptions) -> u8 {
    let h = std::thread::Builder::new()
        .name("fourd".into())
        .stack_size(1 << 30)
        .spawn(move || {
            serve(
                &opts,
                |addr, _| {
                    println!("fourd: serving http://{}/ (Ctrl-C to stop)", addr);
                },
                wait_for_signal,
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

fn wait_for_signal() {
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    rt.block_on(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let mut term = match signal(SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    });
    eprintln!("fourd: stopping the web server");
}
