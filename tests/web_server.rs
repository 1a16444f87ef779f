//! The web server's dispatch and request/response commands, the HTTP client
//! commands, `WEB SET/GET OPTION` from 4D code, and `fourd serve` itself.

mod webutil;

use std::process::Command;
use std::time::Duration;
use webutil::{Browser, Server};

const COOKIE: &str = "4DSID_webtest";

#[test]
fn static_files_and_no_escape_above_the_root() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    let r = b.get(&s, "/");
    assert_eq!((r.status, r.text()), (200, "<h1>home</h1>\n".to_string()));
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    // static pages open no session
    assert!(r.headers_named("set-cookie").is_empty());
    let r = b.get(&s, "/sub/style.css");
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/css"));
    // escapes fall through to On Web Connection, never to the file
    for p in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
    ] {
        let r = b.get(&s, p);
        assert_ne!(r.text(), "secret\n", "{} served the file", p);
    }
}

#[test]
fn dispatch_4daction_connection_and_authentication() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    // not published: 404, the method does not run
    let r = b.get(&s, "/4DACTION/hidden");
    assert_eq!(r.status, 404);
    // unknown URL: On Web Connection with its parameters
    let r = b.request(
        &s,
        "GET",
        "/shop/list?x=1",
        &[("Authorization", "Basic YWRhOnNlY3JldA==")],
        b"",
    );
    assert_eq!(r.text(), "conn /shop/list ::ffff:127.0.0.1 ada");
    // On Web Authentication refuses /private...
    assert_eq!(b.get(&s, "/private/x").status, 403);
    assert_eq!(b.get(&s, "/4DACTION/count").status, 200);
    // an error in 4D code: 500
    assert_eq!(b.get(&s, "/boom").status, 500);
    // redirect
    let r = b.get(&s, "/4DACTION/go");
    assert_eq!(r.status, 302);
    assert_eq!(r.header("location"), Some("/index.html"));
}

#[test]
fn request_commands() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    let r = b.request(
        &s,
        "POST",
        "/4DACTION/echo/tail?q=1&w=a+b",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"name=Ada%20L&age=36",
    );
    assert_eq!(
        r.text(),
        "q=1;w=a b;name=Ada L;age=36;|POST /4DACTION/echo/tail?q=1&w=a+b|/tail|0"
    );
    assert_eq!(r.header("x-echo"), Some("yes"));
    let body = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--XX--\r\n";
    let r = b.request(
        &s,
        "POST",
        "/4DACTION/echo",
        &[("Content-Type", "multipart/form-data; boundary=XX")],
        body.as_bytes(),
    );
    assert!(r.text().starts_with("a=one;|POST"), "{}", r.text());
    assert!(r.text().ends_with("|2"), "{}", r.text());
    // a request larger than Web maximum requests size
    let big = vec![b'x'; 2_100_000];
    let r = b.request(&s, "POST", "/4DACTION/echo", &[], &big);
    assert_eq!(r.status, 413);
}

#[test]
fn malformed_requests_get_400() {
    use std::io::{Read, Write};
    let s = Server::start("", 1.0);
    let mut c = std::net::TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(b"NOT HTTP AT ALL\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = c.read_to_string(&mut out);
    assert!(out.is_empty() || out.starts_with("HTTP/1.1 400"), "{}", out);
    // the server still answers
    let mut b = Browser::new(COOKIE);
    assert_eq!(b.get(&s, "/").status, 200);
}

fn fourd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fourd"))
}

#[test]
fn options_and_http_client_from_4d_code() {
    // a `fourd run` project: options, server start/stop, HTTP client against it
    let dir = webutil::temp_copy("tests/web/app");
    std::fs::write(
        dir.join("Project/Sources/Methods/main.4dm"),
        r#"var $v : Integer
var $t : Text
WEB GET OPTION(Web max sessions; $v)
ALERT("max sessions "+String($v))
WEB GET OPTION(Web inactive process timeout; $v)
ALERT("process timeout "+String($v))
WEB GET OPTION(Web session cookie name; $t)
ALERT("cookie "+$t)
WEB SET OPTION(Web max sessions; 7)
WEB SET OPTION(Web port ID; 0)
WEB GET OPTION(Web port ID; $v)
ALERT("port "+String($v))
Try
	WEB SET OPTION(Web max concurrent processes; 5)
Catch
	ALERT("range error caught")
End try
Try
	WEB SET OPTION(Web max sessions; "many")
Catch
	ALERT("type error caught")
End try
WEB SET OPTION(Web IP address to listen; "127.0.0.1")
WEB SET OPTION(Web port ID; Num($1))
ALERT("running "+String(WEB Is server running))
WEB START SERVER
ALERT("running "+String(WEB Is server running)+" OK="+String(OK))
ALERT("session outside a request: ["+WEB Get current session ID+"]")
var $r : Text
var $status : Integer
$status:=HTTP Get("http://127.0.0.1:"+$1+"/4DACTION/count"; $r)
ALERT(String($status)+" "+Substring($r; 1; 2))
$status:=HTTP Request("POST"; "http://127.0.0.1:"+$1+"/4DACTION/echo"; "a=1"; $r)
ALERT(String($status)+" "+$r)
HTTP SET OPTION(HTTP follow redirect; 0)
$status:=HTTP Get("http://127.0.0.1:"+$1+"/4DACTION/go"; $r)
ALERT("redirect "+String($status))
WEB STOP SERVER
ALERT("running "+String(WEB Is server running))
WEB START SERVER
WEB GET OPTION(Web max sessions; $v)
ALERT("after restart "+String($v))
WEB STOP SERVER
"#,
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = fourd()
        .arg("run")
        .arg(&dir)
        .args(["--method", "main", &port.to_string()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}\n{}", stdout, stderr);
    let expected = "max sessions 100\nprocess timeout 480\ncookie 4DSID_webtest\nport 80\n\
range error caught\ntype error caught\nrunning False\nrunning True OK=1\n\
session outside a request: []\n200 1 \n200 |POST /4DACTION/echo||0\nredirect 302\nrunning False\nafter restart 7\n";
    assert_eq!(stdout, expected, "stderr: {}", stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fourd_serve_cli_runs_startup_serves_and_stops_on_sigterm() {
    let dir = webutil::temp_copy("tests/web/app");
    let db = dir.join("Project/Sources/DatabaseMethods");
    std::fs::write(db.join("onStartup.4dm"), "ALERT(\"startup\")\n").unwrap();
    std::fs::write(db.join("onExit.4dm"), "ALERT(\"exit\")\n").unwrap();
    std::fs::write(
        db.join("onWebSessionSuspend.4dm"),
        "ALERT(\"closed \"+WEB Get current session ID)\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("Project/Sources/Methods/port.4dm"),
        "//%attributes = {\"publishedWeb\":true}\nvar $v : Integer\nWEB GET OPTION(Web port ID; $v)\nWEB SEND TEXT(String($v))\n",
    )
    .unwrap();
    let (mut child, mut lines, addr) = webutil::spawn_serve(&dir, "startup");
    let r = fourd::web::client::once(
        "GET",
        &format!("http://{}/4DACTION/count", addr),
        &[],
        b"",
        &webutil::opts(),
        None,
    )
    .unwrap();
    let id = r.text().split(' ').nth(1).unwrap().to_string();
    // `Web port ID` in a request is the port `--port 0` made the server listen on
    let r = fourd::web::client::once(
        "GET",
        &format!("http://{}/4DACTION/port", addr),
        &[],
        b"",
        &webutil::opts(),
        None,
    )
    .unwrap();
    assert_eq!(r.text(), addr.rsplit(':').next().unwrap());
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    // the server stop closes both sessions (method run once each), then On Exit
    let mut closed: Vec<String> = (0..2).map(|_| lines.next().unwrap().unwrap()).collect();
    closed.retain(|l| l.starts_with("closed "));
    assert_eq!(closed.len(), 2);
    assert!(closed.contains(&format!("closed {}", id)), "{closed:?}");
    assert_eq!(lines.next().unwrap().unwrap(), "exit");
    assert!(child.wait().unwrap().success());
    let _ = std::fs::remove_dir_all(&dir);
}
