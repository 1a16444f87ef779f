//! The machine and the run's resources: `System info` (old name `Get system
//! info`), `GET MEMORY STATISTICS`, `Get process activity`. Read from Linux's
//! `/proc` and `/sys`; elsewhere the numbers fourd cannot read are 0 and the texts
//! "". Doc pages: docs/commands-legacy/<name>.md.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::scheduler::State;
use crate::runtime::value::{new_collection, new_object, text, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("System info", system_info),
    cmd!("Get system info", system_info),
    cmd!(
        "GET MEMORY STATISTICS",
        get_memory_statistics,
        refs = 0b1110
    ),
    cmd!("Get process activity", process_activity),
    cmd!("Process activity", process_activity),
];

fn read(p: &str) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// A `Key: value kB` line of `/proc/meminfo` (or `/proc/self/status`), in KB.
fn kb_field(text: &str, key: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// CPU time (user + system) this OS process used, in seconds (Linux).
pub fn process_cpu_seconds() -> Option<f64> {
    let stat = read("/proc/self/stat");
    // fields after the command name (which is in parentheses and may hold spaces)
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux fourd targets
    Some((utime + stime) / 100.0)
}

fn obj(props: Vec<(&str, Value)>) -> Value {
    let o = new_object();
    {
        let mut b = o.borrow_mut();
        for (k, v) in props {
            b.insert(Rc::from(k), v);
        }
    }
    Value::Object(o)
}

fn os_version() -> String {
    let rel = read("/etc/os-release");
    let pretty = rel
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let kernel = read("/proc/sys/kernel/osrelease");
    if kernel.trim().is_empty() {
        pretty
    } else {
        format!("{} ({})", pretty, kernel.trim())
    }
}

fn processor() -> String {
    read("/proc/cpuinfo")
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == "model name").then(|| v.trim().to_string())
        })
        .unwrap_or_default()
}

/// Cores: distinct (physical id, core id) pairs of /proc/cpuinfo, or the threads.
fn cores(threads: usize) -> usize {
    let info = read("/proc/cpuinfo");
    let mut pairs = std::collections::BTreeSet::new();
    let (mut phys, mut core) = (None, None);
    for l in info.lines().chain(std::iter::once("")) {
        match l.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("physical id", v)) => phys = Some(v.to_string()),
            Some(("core id", v)) => core = Some(v.to_string()),
            None if l.trim().is_empty() => {
                if let (Some(p), Some(c)) = (phys.take(), core.take()) {
                    pairs.insert((p, c));
                }
            }
            _ => {}
        }
    }
    if pairs.is_empty() {
        threads
    } else {
        pairs.len().min(threads)
    }
}

/// The interfaces of `/sys/class/net` that are up (the loopback left out), with
/// the IPv4 addresses of `/proc/net/fib_trie` ([choice] IPv6 from
/// `/proc/net/if_inet6`); `type` "wifi" when the interface has `wireless/`.
fn network_interfaces() -> Value {
    let mut items = Vec::new();
    let Ok(rd) = std::fs::read_dir("/sys/class/net") else {
        return Value::Collection(new_collection(items));
    };
    let mut names: Vec<String> = rd
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "lo")
        .collect();
    names.sort();
    let v6 = read("/proc/net/if_inet6");
    for name in names {
        let base = format!("/sys/class/net/{name}");
        if read(&format!("{base}/operstate")).trim() != "up" {
            continue;
        }
        let mut ips = Vec::new();
        for l in v6.lines() {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() == 6 && f[5] == name && f[0].len() == 32 {
                let groups: Vec<String> = (0..8)
                    .map(|i| {
                        let g = u16::from_str_radix(&f[0][i * 4..i * 4 + 4], 16).unwrap_or(0);
                        format!("{g:x}")
                    })
                    .collect();
                ips.push(obj(vec![
                    ("type", text("ipv6")),
                    ("ip", text(groups.join(":"))),
                ]));
            }
        }
        let wifi = std::path::Path::new(&format!("{base}/wireless")).exists();
        items.push(obj(vec![
            ("type", text(if wifi { "wifi" } else { "ethernet" })),
            ("name", text(name)),
            ("ipAddresses", Value::Collection(new_collection(ips))),
        ]));
    }
    Value::Collection(new_collection(items))
}

/// Mounted volumes backed by a device (`/proc/mounts` entries under `/dev/`), with
/// capacity and available space in KB from `statvfs`.
fn volumes() -> Value {
    let mut items = Vec::new();
    for l in read("/proc/mounts").lines() {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.len() < 3 || !f[0].starts_with("/dev/") {
            continue;
        }
        let (capacity, available) = space_kb(f[1]);
        items.push(obj(vec![
            ("mountPoint", text(f[1])),
            ("fileSystem", text(f[2])),
            ("capacity", Value::Real(capacity)),
            ("available", Value::Real(available)),
            (
                "disk",
                obj(vec![
                    ("identifier", text(f[0])),
                    ("description", text("")),
                    ("interface", text("")),
                    ("size", Value::Real(capacity)),
                ]),
            ),
        ]));
    }
    Value::Collection(new_collection(items))
}

#[cfg(unix)]
fn space_kb(mount: &str) -> (f64, f64) {
    let Ok(c) = std::ffi::CString::new(mount) else {
        return (0.0, 0.0);
    };
    // SAFETY: `c` is a valid NUL-terminated path and `s` a zeroed statvfs that
    // the call fills; nothing else aliases them.
    unsafe {
        let mut s: libc::statvfs = std::mem::zeroed();
        if libc::statvfs(c.as_ptr(), &mut s) != 0 {
            return (0.0, 0.0);
        }
        let frag = s.f_frsize as f64;
        (
            (s.f_blocks as f64 * frag / 1024.0).floor(),
            (s.f_bavail as f64 * frag / 1024.0).floor(),
        )
    }
}

#[cfg(not(unix))]
fn space_kb(_: &str) -> (f64, f64) {
    (0.0, 0.0)
}

/// system-info.md: the properties of the doc's table. [choice] `userName` is the
/// account's full name from `/etc/passwd` (its GECOS field), the account name
/// when empty; `model` from `/sys/class/dmi/id/product_name`; `osLanguage` from
/// `LANG` ("en" when unset or "C").
fn system_info(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let account = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default();
    let full = read("/etc/passwd")
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() > 4 && f[0] == account)
                .then(|| f[4].split(',').next().unwrap_or("").to_string())
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| account.clone());
    let lang = std::env::var("LANG").unwrap_or_default();
    let lang = match lang.split(['_', '.']).next().unwrap_or("") {
        "" | "C" | "POSIX" => "en".to_string(),
        l => l.to_lowercase(),
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let uptime = read("/proc/uptime")
        .split_whitespace()
        .next()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        .floor();
    let machine = read("/proc/sys/kernel/hostname").trim().to_string();
    Ok(obj(vec![
        ("accountName", text(account)),
        ("cores", Value::Real(cores(threads) as f64)),
        ("cpuThreads", Value::Real(threads as f64)),
        ("machineName", text(machine)),
        ("macRosetta", Value::Bool(false)),
        (
            "model",
            text(read("/sys/class/dmi/id/product_name").trim().to_string()),
        ),
        ("networkInterfaces", network_interfaces()),
        ("osVersion", text(os_version())),
        ("osLanguage", text(lang)),
        (
            "physicalMemory",
            Value::Real(kb_field(&read("/proc/meminfo"), "MemTotal")),
        ),
        ("processor", text(processor())),
        ("uptime", Value::Real(uptime)),
        ("userName", text(full)),
        ("volumes", volumes()),
    ]))
}

/// get-memory-statistics.md: `GET MEMORY STATISTICS(1; names; values; counts)`.
/// [choice] The entries (values in bytes, counts 0 where there is nothing to
/// count): "Physical memory size", "Free memory", "Used physical memory" (this
/// process's resident set), "Used virtual memory", "Stack memory" (the
/// interpreter's call depth limit, in frames), "Used stack" (frames in use).
fn get_memory_statistics(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "GET MEMORY STATISTICS";
    if a.num(0, cmd)? as i64 != 1 {
        return err(codes::BAD_ARG, format!("{cmd}: the only info type is 1"));
    }
    let mem = read("/proc/meminfo");
    let me = read("/proc/self/status");
    let rows: Vec<(&str, f64, f64)> = vec![
        (
            "Physical memory size",
            kb_field(&mem, "MemTotal") * 1024.0,
            0.0,
        ),
        ("Free memory", kb_field(&mem, "MemAvailable") * 1024.0, 0.0),
        ("Used physical memory", kb_field(&me, "VmRSS") * 1024.0, 0.0),
        ("Used virtual memory", kb_field(&me, "VmSize") * 1024.0, 0.0),
        ("Stack memory", it.max_depth as f64, 0.0),
        ("Used stack", it.frames.len() as f64, it.frames.len() as f64),
    ];
    super::fill_array(it, a, 1, cmd, rows.iter().map(|r| text(r.0)).collect())?;
    super::fill_array(
        it,
        a,
        2,
        cmd,
        rows.iter().map(|r| Value::Real(r.1)).collect(),
    )?;
    super::fill_array(
        it,
        a,
        3,
        cmd,
        rows.iter().map(|r| Value::Real(r.2)).collect(),
    )?;
    Ok(Value::Undefined)
}

/// process-activity.md: `Get process activity{(options)}` returns
/// `{sessions, processes}`; fourd has no remote sessions, so `sessions` is empty
/// (with `Processes only` (1) it is left out, with `Sessions only` (2)
/// `processes` is). Each process: `name`, `number`, `sessionID` (""), `type` (-1
/// for the main process, as `Other user process`... [choice] 5 "Worker" for
/// workers: fourd's kinds), `visible` True, `systemID` (this OS process),
/// `state` (as `Process state`), `cpuUsage` 0, `cpuTime` (seconds since it
/// started), `preemptive` False.
fn process_activity(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let opt = a.opt_num(0, "Get process activity")?.unwrap_or(0.0) as i64;
    let mut procs = Vec::new();
    let n = it.sched.procs.len();
    for i in 0..n {
        let p = &it.sched.procs[i];
        if p.state == State::Done {
            continue;
        }
        let number = i as i64 + 1;
        let (name, started, worker) = (p.name.clone(), p.started, p.worker);
        let state = crate::runtime::scheduler::state_code(it, number);
        procs.push(obj(vec![
            ("name", text(name)),
            ("number", Value::Real(number as f64)),
            ("sessionID", text("")),
            ("type", Value::Real(if worker { 5.0 } else { -1.0 })),
            ("visible", Value::Bool(true)),
            ("systemID", text(std::process::id().to_string())),
            ("state", Value::Real(state as f64)),
            ("cpuUsage", Value::Real(0.0)),
            (
                "cpuTime",
                Value::Real((started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0),
            ),
            ("preemptive", Value::Bool(false)),
        ]));
    }
    let mut props = Vec::new();
    if opt != 1 {
        props.push(("sessions", Value::Collection(new_collection(Vec::new()))));
    }
    if opt != 2 {
        props.push(("processes", Value::Collection(new_collection(procs))));
    }
    Ok(obj(props))
}
