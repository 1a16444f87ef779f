//! Issue 14's acceptance over real HTTP: `On Startup`, workers and web sessions
//! live in one world, on one scheduler (README "One application").

mod webutil;
use std::process::Command;
use std::time::{Duration, Instant};
use webutil::{Browser, Server};

const COOKIE: &str = "4DSID_webtest";
const M: &str = "Project/Sources/Methods/";
const DB: &str = "Project/Sources/DatabaseMethods/";

fn published(code: &str) -> String {
    format!("//%attributes = {{\"publishedWeb\":true}}\n{code}")
}

fn path(dir: &str, name: &str) -> String {
    format!("{dir}{name}.4dm")
}

#[test]
fn on_startup_world_is_shared_and_its_worker_ticks_while_idle() {
    let startup = "<>x:=42\nUse(Storage)\n\tStorage.config:=New shared object(\"name\"; \"demo\")\nEnd use\nCALL WORKER(\"ticker\"; \"tick\")\n";
    let tick = "While (True)\n\tUse(Storage)\n\t\tStorage.ticks:=Num(Storage.ticks)+1\n\tEnd use\n\tDELAY PROCESS(Current process; 3)\nEnd while\n";
    let show = published(
        "WEB SEND TEXT(String(<>x)+\" \"+Storage.config.name+\" \"+String(Storage.ticks)+\" \"+String(Process number(\"ticker\")); \"text/plain\")\n",
    );
    let (p1, p2, p3) = (path(DB, "onStartup"), path(M, "tick"), path(M, "show"));
    let s = Server::start_with(&[(&p1, startup), (&p2, tick), (&p3, &show)], 1.0);
    let mut b = Browser::new(COOKIE);
    let read = |b: &mut Browser| {
        let t = b.get(&s, "/4DACTION/show").text();
        let w: Vec<String> = t.split(' ').map(str::to_string).collect();
        assert_eq!(w.len(), 4, "{t}");
        assert_eq!((w[0].as_str(), w[1].as_str()), ("42", "demo"), "{t}");
        assert_ne!(w[3], "0", "the worker is a process of the application: {t}");
        w[2].parse::<i64>().unwrap()
    };
    let t1 = read(&mut b);
    // no request for half a second: the worker goes on ticking (20 ticks/s)
    std::thread::sleep(Duration::from_millis(500));
    let t2 = read(&mut b);
    assert!(t2 >= t1 + 4, "ticks grew while idle: {t1} then {t2}");
}

#[test]
fn call_worker_from_a_request_runs_with_no_further_request() {
    let kick =
        published("CALL WORKER(\"w2\"; \"mark\")\nWEB SEND TEXT(\"kicked\"; \"text/plain\")\n");
    let mark = "Use(Storage)\n\tStorage.markedAt:=Milliseconds\nEnd use\n";
    let when = published(
        "WEB SEND TEXT(String(Storage.markedAt)+\" \"+String(Milliseconds); \"text/plain\")\n",
    );
    let (p1, p2, p3) = (path(M, "kick"), path(M, "mark"), path(M, "when"));
    let s = Server::start_with(&[(&p1, &kick), (&p2, mark), (&p3, &when)], 1.0);
    let mut b = Browser::new(COOKIE);
    assert_eq!(b.get(&s, "/4DACTION/kick").text(), "kicked");
    std::thread::sleep(Duration::from_millis(400));
    let t = b.get(&s, "/4DACTION/when").text();
    let (marked, now) = t.split_once(' ').unwrap();
    let (marked, now): (i64, i64) = (marked.parse().unwrap(), now.parse().unwrap());
    assert!(marked > 0, "the worker ran: {t}");
    assert!(
        now - marked >= 250,
        "it ran before the next request arrived: {t}"
    );
}

#[test]
fn a_sleeping_session_does_not_delay_another() {
    let sleep = published(
        "DELAY PROCESS(Current process; 180)\nWEB SEND TEXT(\"slept\"; \"text/plain\")\n",
    );
    let pid = published("WEB SEND TEXT(String(Current process); \"text/plain\")\n");
    let (p1, p2) = (path(M, "sleep"), path(M, "pid"));
    let s = Server::start_with(&[(&p1, &sleep), (&p2, &pid)], 1.0);
    let url = s.url("/4DACTION/sleep");
    let sleeper = std::thread::spawn(move || {
        let t0 = Instant::now();
        let r = fourd::web::client::once("GET", &url, &[], b"", &webutil::opts(), None).unwrap();
        (r.text(), t0.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    let mut b = Browser::new(COOKIE);
    let t0 = Instant::now();
    let r = b.get(&s, "/4DACTION/pid");
    let took = t0.elapsed();
    assert_eq!(r.status, 200);
    assert!(took < Duration::from_millis(100), "answered in {took:?}");
    let (text, slept) = sleeper.join().unwrap();
    assert_eq!(text, "slept");
    assert!(slept >= Duration::from_millis(2900), "{slept:?}");
}

#[test]
fn sessions_are_distinct_processes_of_the_application() {
    let pid = published(
        "var $name : Text\nvar $state; $time : Integer\nPROCESS PROPERTIES(Current process; $name; $state; $time)\nWEB SEND TEXT(String(Current process)+\"|\"+$name+\"|\"+String(Process number($name))+\"|\"+String(Count tasks); \"text/plain\")\n",
    );
    let p1 = path(M, "pid");
    let s = Server::start_with(&[(&p1, &pid)], 1.0);
    let (mut a, mut b) = (Browser::new(COOKIE), Browser::new(COOKIE));
    let fields = |t: String| t.split('|').map(str::to_string).collect::<Vec<_>>();
    let ra = fields(a.get(&s, "/4DACTION/pid").text());
    let rb = fields(b.get(&s, "/4DACTION/pid").text());
    assert_eq!(ra.len(), 4, "{ra:?}");
    assert_ne!(ra[0], rb[0], "{ra:?} {rb:?}");
    assert!(ra[0] != "1" && rb[0] != "1", "{ra:?} {rb:?}");
    assert!(ra[1].starts_with("Web Process #"), "{ra:?}");
    assert_eq!(ra[2], ra[0], "Process number finds it by name: {ra:?}");
    assert!(rb[3].parse::<i64>().unwrap() >= 3, "Count tasks: {rb:?}");
    // the same session: the same process
    assert_eq!(fields(a.get(&s, "/4DACTION/pid").text())[0], ra[0]);
}

#[test]
fn on_err_call_of_one_session_never_runs_for_another() {
    let seterr = published("ON ERR CALL(\"handler\")\nWEB SEND TEXT(\"set\"; \"text/plain\")\n");
    let handler = "<>hits:=<>hits+1\n";
    let fail = published("var $o : Object\n$o:=Null\nvar $v : Variant\n$v:=$o.x\nWEB SEND TEXT(\"went on\"; \"text/plain\")\n");
    let hits = published("WEB SEND TEXT(String(<>hits); \"text/plain\")\n");
    let (p1, p2, p3, p4) = (
        path(M, "seterr"),
        path(M, "handler"),
        path(M, "fail"),
        path(M, "hits"),
    );
    let p5 = path(DB, "onStartup");
    let s = Server::start_with(
        &[
            (&p1, &seterr),
            (&p2, handler),
            (&p3, &fail),
            (&p4, &hits),
            (&p5, "<>hits:=0\n"),
        ],
        1.0,
    );
    let (mut a, mut b) = (Browser::new(COOKIE), Browser::new(COOKIE));
    assert_eq!(a.get(&s, "/4DACTION/seterr").text(), "set");
    // another session's error: not handled by a's handler
    assert_eq!(b.get(&s, "/4DACTION/fail").status, 500);
    assert_eq!(b.get(&s, "/4DACTION/hits").text(), "0");
    // a's own error runs a's handler
    assert_eq!(a.get(&s, "/4DACTION/fail").text(), "went on");
    assert_eq!(b.get(&s, "/4DACTION/hits").text(), "1");
}

#[test]
fn a_looping_request_is_stopped_at_the_limit_and_the_next_is_served() {
    let lp = published("var $i : Integer\nWhile (True)\n\t$i:=$i+1\nEnd while\n");
    let pid = published("WEB SEND TEXT(String(Current process); \"text/plain\")\n");
    let (p1, p2) = (path(M, "loop"), path(M, "pid"));
    let s = Server::start_limited(&[(&p1, &lp), (&p2, &pid)], Duration::from_millis(800));
    let mut a = Browser::new(COOKIE);
    let t0 = Instant::now();
    let r = a.get(&s, "/4DACTION/loop");
    let took = t0.elapsed();
    assert_eq!(r.status, 503);
    assert!(
        took >= Duration::from_millis(700) && took < Duration::from_secs(5),
        "{took:?}"
    );
    // the same session and another one are served afterwards
    assert_eq!(a.get(&s, "/4DACTION/pid").status, 200);
    let mut b = Browser::new(COOKIE);
    assert_eq!(b.get(&s, "/4DACTION/pid").status, 200);
}

#[test]
fn sigterm_during_a_looping_request_closes_every_session_once_and_exits() {
    let dir = webutil::temp_copy("tests/web/app");
    let w = |p: &str, t: &str| std::fs::write(dir.join(p), t).unwrap();
    w(&path(DB, "onStartup"), "ALERT(\"startup\")\n");
    w(&path(DB, "onExit"), "ALERT(\"exit\")\n");
    w(
        &path(DB, "onWebSessionSuspend"),
        "ALERT(\"closed \"+WEB Get current session ID)\n",
    );
    w(
        &path(M, "loop"),
        &published("var $i : Integer\nWhile (True)\n\t$i:=$i+1\nEnd while\n"),
    );
    let (mut child, lines, addr) = webutil::spawn_serve(&dir, "startup");
    let get = |p: &str| {
        fourd::web::client::once(
            "GET",
            &format!("http://{addr}{p}"),
            &[],
            b"",
            &webutil::opts(),
            None,
        )
    };
    let ids: Vec<String> = (0..2)
        .map(|_| {
            get("/4DACTION/count")
                .unwrap()
                .text()
                .split(' ')
                .nth(1)
                .unwrap()
                .to_string()
        })
        .collect();
    let url = format!("http://{addr}/4DACTION/loop");
    let looping = std::thread::spawn(move || {
        fourd::web::client::once("GET", &url, &[], b"", &webutil::opts(), None).map(|r| r.status)
    });
    std::thread::sleep(Duration::from_millis(300));
    let t0 = Instant::now();
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let status = child.wait().unwrap();
    let took = t0.elapsed();
    assert!(status.success(), "{rest:?}");
    assert!(took < Duration::from_secs(5), "exited after {took:?}");
    assert_eq!(rest.last().map(String::as_str), Some("exit"), "{rest:?}");
    let closed: Vec<&String> = rest.iter().filter(|l| l.starts_with("closed ")).collect();
    assert_eq!(closed.len(), 3, "each session closed once: {rest:?}");
    for id in &ids {
        assert_eq!(
            closed.iter().filter(|l| l.ends_with(id.as_str())).count(),
            1,
            "{rest:?}"
        );
    }
    let _ = looping.join();
    let _ = std::fs::remove_dir_all(&dir);
}
