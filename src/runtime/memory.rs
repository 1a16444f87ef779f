//! The memory budget of a run: how many bytes fourd may hold, and the checks that
//! raise error 34 ("not enough memory") before the machine runs out, instead of
//! an abort on a failed allocation.
//!
//! [`Counting`] is the global allocator of the `fourd` binary (installed in
//! `main.rs`; the fuzz targets install it too): mimalloc (crate `mimalloc`; 4D
//! code allocates small texts, objects and frames all the time, and mimalloc's
//! per-thread free lists cost about a third of the system allocator's: the
//! recursion, object and JSON workloads of `bench/` run 35-55% faster), counting the
//! bytes live (each
//! thread keeps its own count and adds it to the shared one every 256 KB). That is
//! everything fourd holds, 4D values first (texts, collections, objects, arrays,
//! BLOBs), plus the program and the caches, which are small beside a runaway
//! value. The budget is `--max-memory` megabytes, or by default three quarters of
//! the machine's memory (or of the cgroup's limit when lower), at least 256 MB.
//!
//! Checks: [`reserve`] before a value grows by a known size (text `+` and `*`,
//! `Replace string`, `ARRAY ... (size)`, `.resize()`, `SET BLOB SIZE`), and
//! [`over_budget`] at the start of every block and on every backward jump of
//! compiled loops (where the interrupt flag is checked), for growth made of many
//! small allocations. Past the budget that check raises error 34 once, then again
//! each time the memory held grows by another sixteenth of the budget, so that a
//! `Try` or `ON ERR CALL` can free memory and go on. Without the counting allocator
//! (a library user's own binary), nothing is counted and the checks never fire.

use super::error::{codes, err, RtResult};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering::Relaxed};

/// Bytes live, as flushed by the threads (may lag each thread's own count by up to
/// [`FLUSH`] bytes either way, hence signed).
static LIVE: AtomicIsize = AtomicIsize::new(0);

/// How far a thread's own count may drift before it is added to [`LIVE`]: the
/// threads (the interpreter's, the HTTP front's) then rarely touch the shared
/// counter, whose cache line bouncing between cores cost a tenth of a web request.
const FLUSH: isize = 256 << 10;

thread_local! {
    /// This thread's allocations not yet added to [`LIVE`].
    static DELTA: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
}

/// Counts `d` bytes more (or fewer) live.
#[inline]
fn count(d: isize) {
    let direct = DELTA
        .try_with(|c| {
            let v = c.get() + d;
            if v.abs() >= FLUSH {
                LIVE.fetch_add(v, Relaxed);
                c.set(0);
            } else {
                c.set(v);
            }
        })
        .is_err();
    if direct {
        // the thread is ending: its thread-local storage is gone
        LIVE.fetch_add(d, Relaxed);
    }
}
/// 0: not set yet (computed on first use).
static BUDGET: AtomicUsize = AtomicUsize::new(0);
/// [`over_budget`] raises past this many live bytes (the budget, or higher after
/// it raised).
static RAISE_AT: AtomicUsize = AtomicUsize::new(0);

/// mimalloc, counting the bytes live.
pub struct Counting;

// SAFETY: every call goes to `MiMalloc` with the caller's layout and pointer as
// given; the counter is only arithmetic beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is (GlobalAlloc contract of the caller).
        let p = unsafe { MiMalloc.alloc(l) };
        if !p.is_null() {
            count(l.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is.
        let p = unsafe { MiMalloc.alloc_zeroed(l) };
        if !p.is_null() {
            count(l.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded as is.
        unsafe { MiMalloc.dealloc(p, l) };
        count(-(l.size() as isize));
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded as is.
        let q = unsafe { MiMalloc.realloc(p, l, new_size) };
        if !q.is_null() {
            count(new_size as isize - l.size() as isize);
        }
        q
    }
}

/// Bytes live (0 without the counting allocator).
pub fn live() -> usize {
    LIVE.load(Relaxed).max(0) as usize
}

/// Sets the budget (`--max-memory`), in bytes.
pub fn set_budget(bytes: usize) {
    let b = bytes.max(1 << 20);
    BUDGET.store(b, Relaxed);
    RAISE_AT.store(b, Relaxed);
}

/// The budget in bytes.
pub fn budget() -> usize {
    match BUDGET.load(Relaxed) {
        0 => {
            let b = default_budget();
            // another thread may have set it meanwhile: keep theirs
            let _ = BUDGET.compare_exchange(0, b, Relaxed, Relaxed);
            let _ = RAISE_AT.compare_exchange(0, b, Relaxed, Relaxed);
            BUDGET.load(Relaxed)
        }
        b => b,
    }
}

/// Three quarters of the memory the machine (or the cgroup) has, at least 256 MB;
/// 8 GB where that cannot be read.
fn default_budget() -> usize {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok().and_then(|t| {
        let line = t.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb.saturating_mul(1024))
    });
    let cgroup = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|t| t.trim().parse::<usize>().ok());
    let total = match (meminfo, cgroup) {
        (Some(m), Some(c)) => m.min(c),
        (Some(m), None) => m,
        (None, Some(c)) => c,
        (None, None) => 8 << 30,
    };
    (total / 4 * 3).max(256 << 20)
}

fn no_memory<T>(extra: usize) -> RtResult<T> {
    err(
        codes::NO_MEMORY,
        format!(
            "Not enough memory: {} MB held{}, the limit is {} MB (--max-memory)",
            live() >> 20,
            if extra > 0 {
                format!(", {} MB more asked", extra.div_ceil(1 << 20))
            } else {
                String::new()
            },
            budget() >> 20
        ),
    )
}

/// Before a value grows by `extra` bytes: error 34 if that would pass the budget.
#[inline]
pub fn reserve(extra: usize) -> RtResult<()> {
    if live().saturating_add(extra) > budget() {
        return no_memory(extra);
    }
    Ok(())
}

/// The check at block starts and loop jumps (see the module doc).
#[inline]
pub fn over_budget() -> RtResult<()> {
    let at = RAISE_AT.load(Relaxed);
    let live = live();
    if at != 0 && live <= at {
        if at != BUDGET.load(Relaxed) && live < BUDGET.load(Relaxed) {
            // back under the budget: the next crossing raises again
            RAISE_AT.store(BUDGET.load(Relaxed), Relaxed);
        }
        return Ok(());
    }
    over_budget_slow(live)
}

#[cold]
#[inline(never)]
fn over_budget_slow(live: usize) -> RtResult<()> {
    let b = budget();
    if live <= b {
        return Ok(());
    }
    RAISE_AT.store(live.saturating_add(b / 16), Relaxed);
    no_memory(0)
}
