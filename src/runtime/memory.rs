//! The memory budget of a run: how many bytes fourd may hold, and the checks that
//! raise error 34 ("not enough memory") before the machine runs out, instead of
//! an abort on a failed allocation.
//!
//! [`Counting`] is the global allocator of the `fourd` binary (installed in
//! `main.rs`; the fuzz targets install it too): it counts the bytes live. That is
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
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static LIVE: AtomicUsize = AtomicUsize::new(0);
/// 0: not set yet (computed on first use).
static BUDGET: AtomicUsize = AtomicUsize::new(0);
/// [`over_budget`] raises past this many live bytes (the budget, or higher after
/// it raised).
static RAISE_AT: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting the bytes live.
pub struct Counting;

// SAFETY: every call goes to `System` with the caller's layout and pointer as
// given; the counter is only arithmetic beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is (GlobalAlloc contract of the caller).
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            LIVE.fetch_add(l.size(), Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is.
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            LIVE.fetch_add(l.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded as is.
        let q = unsafe { System.realloc(p, l, new_size) };
        if !q.is_null() {
            if new_size >= l.size() {
                LIVE.fetch_add(new_size - l.size(), Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new_size, Relaxed);
            }
        }
        q
    }
}

/// Bytes live (0 without the counting allocator).
pub fn live() -> usize {
    LIVE.load(Relaxed)
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
