//! Runs generated programs: each input is the text of a `.4dm` method, loaded and
//! run as `fourd run` does, under a time budget (the interpreter's interrupt flag,
//! set by a watchdog after 300 ms), with output thrown away. Any panic, abort or
//! out-of-memory is a finding; runtime errors are fine.
//!
//! Inputs that could touch the machine (files, folders, processes, the network,
//! tokenized commands `:C123` that could name any of them) are skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_millis(300);

const DENY: &[&str] = &[
    ":c", "document", "folder", "file", "launch", "system", "web", "http", "process",
    "worker", "delay", "path", "quit", "environment", "trace", "debug", "signal", "semaphore",
    "storage", "use", "execute", "formula", "method", "command", "set ", "get ", "4d.",
];

struct Watch {
    flag: Arc<AtomicBool>,
    /// run number and its start, set by the target, read by the watchdog
    run: AtomicU64,
    start: std::sync::Mutex<Instant>,
}

fn watch() -> &'static Watch {
    static W: OnceLock<&'static Watch> = OnceLock::new();
    W.get_or_init(|| {
        let w: &'static Watch = Box::leak(Box::new(Watch {
            flag: Arc::new(AtomicBool::new(false)),
            run: AtomicU64::new(0),
            start: std::sync::Mutex::new(Instant::now()),
        }));
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(20));
            let started = *w.start.lock().unwrap();
            if w.run.load(Ordering::SeqCst) % 2 == 1 && started.elapsed() > BUDGET {
                w.flag.store(true, Ordering::SeqCst);
            }
        });
        w
    })
}

fn dir() -> &'static std::path::Path {
    static D: OnceLock<std::path::PathBuf> = OnceLock::new();
    D.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("fourd-fuzz-run-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&d);
        d
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let lower = src.to_lowercase();
    if DENY.iter().any(|d| lower.contains(d)) {
        return;
    }
    let path = dir().join("fuzzed.4dm");
    if std::fs::write(&path, src).is_err() {
        return;
    }
    let Ok(loaded) = fourd::project::load(&path, None) else {
        return;
    };
    let w = watch();
    w.flag.store(false, Ordering::SeqCst);
    *w.start.lock().unwrap() = Instant::now();
    w.run.fetch_add(1, Ordering::SeqCst); // odd: running
    {
        let mut it = fourd::runtime::interp::Interp::new(
            &loaded.program,
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
        );
        it.max_depth = 200;
        it.interrupt = Some(w.flag.clone());
        for &(id, _) in &loaded.entries {
            if it.call_method(id, Vec::new(), 0).is_err() {
                break;
            }
        }
    }
    w.run.fetch_add(1, Ordering::SeqCst); // even: idle
});
