//! The web commands inside requests over real HTTP: `WEB SEND RAW DATA`, `WEB SET HOME
//! PAGE` (per session), `WEB Validate digest`, `WEB GET STATISTICS`, `WEB Get server
//! info`, `WEB Is secured connection`, `WEB SET ROOT FOLDER`, `Web Event`, and scalable
//! sessions (`Session`: `storage`, `id`, privileges, its cookie).

mod webutil;

use webutil::{Browser, Server};

const COOKIE: &str = "4DSID_webtest";

fn m(name: &str, code: &str) -> (String, String) {
    (
        format!("Project/Sources/Methods/{}.4dm", name),
        format!("//%attributes = {{\"publishedWeb\":true}}\n{}\n", code),
    )
}

fn start(extra: &[(String, String)]) -> Server {
    let mut files: Vec<(String, String)> = vec![
        m("raw", "WEB SEND RAW DATA(\"HTTP/1.1 201 Created\\r\\nX-Raw: yes\\r\\nContent-Type: text/plain\\r\\n\\r\\nhello raw\")"),
        m("sethome", "WEB SET HOME PAGE(\"other.html\")\nWEB SEND TEXT(\"ok\"; \"text/plain\")"),
        m("digest", "WEB SEND TEXT(String(WEB Validate digest(\"Mufasa\"; \"Circle Of Life\")); \"text/plain\")"),
        m("digestbad", "WEB SEND TEXT(String(WEB Validate digest(\"Mufasa\"; \"circle\")); \"text/plain\")"),
        m("stats", "ARRAY TEXT($p; 0)\nARRAY LONGINT($h; 0)\nWEB GET STATISTICS($p; $h; $u)\nWEB SEND TEXT(String(Size of array($p))+\" \"+String($h{1})+\" \"+$p{1}; \"text/plain\")"),
        m("info", "$i:=WEB Get server info\nWEB SEND TEXT(String($i.started)+\" \"+String($i.httpRequestCount>0)+\" \"+String(WEB Is secured connection)+\" \"+String(WEB Server.isRunning); \"text/plain\")"),
        m("event", "$e:=Web Event\nWEB SEND TEXT($e.caller+\"/\"+$e.eventType; \"text/plain\")"),
        m("sess", "$s:=Session\nIf ($s=Null)\nWEB SEND TEXT(\"null\"; \"text/plain\")\nElse\nUse ($s.storage)\n$s.storage.n:=Num($s.storage.n)+1\nEnd use\nIf ($s.storage.n=1)\n$s.setPrivileges(\"admin\")\nEnd if\nWEB SEND TEXT(String($s.storage.n)+\" \"+String($s.hasPrivilege(\"admin\"))+\" \"+String($s.hasPrivilege(\"root\"))+\" \"+$s.id; \"text/plain\")\nEnd if"),
        ("WebFolder/other.html".into(), "<p>other</p>".into()),
        ("WebFolder/stat.shtml".into(), "<p><!--#4DTEXT 1+1--></p>".into()),
        ("alt/index.html".into(), "<p>alt root</p>".into()),
    ];
    files.extend(extra.iter().cloned());
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Server::start_with(&refs, 1.0)
}

#[test]
fn request_commands_over_http() {
    let s = start(&[]);
    let mut b = Browser::new(COOKIE);
    // WEB SEND RAW DATA: status, headers and body from the data
    let r = b.get(&s, "/4DACTION/raw");
    assert_eq!((r.status, r.text()), (201, "hello raw".to_string()));
    assert_eq!(r.header("x-raw"), Some("yes"));
    // WEB SET HOME PAGE: for this session only
    assert_eq!(b.get(&s, "/").text(), "<h1>home</h1>\n");
    assert_eq!(b.get(&s, "/4DACTION/sethome").text(), "ok");
    assert_eq!(b.get(&s, "/").text(), "<p>other</p>");
    let mut other = Browser::new(COOKIE);
    assert_eq!(other.get(&s, "/").text(), "<h1>home</h1>\n");
    // WEB Validate digest (RFC 2617's example)
    let h = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\"";
    let r = b.request(&s, "GET", "/4DACTION/digest", &[("Authorization", h)], b"");
    assert_eq!(r.text(), "True");
    let r = b.request(
        &s,
        "GET",
        "/4DACTION/digestbad",
        &[("Authorization", h)],
        b"",
    );
    assert_eq!(r.text(), "False");
    let r = b.get(&s, "/4DACTION/digest");
    assert_eq!(r.text(), "False");
    // WEB GET STATISTICS lists the page the tag processor used
    assert_eq!(b.get(&s, "/stat.shtml").text(), "<p>2</p>");
    let t = b.get(&s, "/4DACTION/stats").text();
    assert!(t.starts_with("1 1 ") && t.ends_with("stat.shtml"), "{}", t);
    // WEB Get server info / WEB Is secured connection / WEB Server
    assert_eq!(b.get(&s, "/4DACTION/info").text(), "True True False True");
    // Web Event from the query
    assert_eq!(
        b.get(&s, "/4DACTION/event?caller=btn&eventType=onclick")
            .text(),
        "btn/onclick"
    );
    // legacy mode: Session is Null
    assert_eq!(b.get(&s, "/4DACTION/sess").text(), "null");
}

#[test]
fn scalable_sessions_keep_storage_and_privileges() {
    let s = start(&[(
        "Project/Sources/DatabaseMethods/onStartup.4dm".into(),
        "WEB SET OPTION(Web scalable session; 1)\nWEB SET ROOT FOLDER(\"alt\")\n".into(),
    )]);
    let mut b = Browser::new(COOKIE);
    let r = b.get(&s, "/4DACTION/sess");
    let t = r.text();
    assert!(t.starts_with("1 True False "), "{}", t);
    let id = t.rsplit(' ').next().unwrap().to_string();
    assert_eq!(
        b.cookie.as_deref(),
        Some(id.as_str()),
        "the Session cookie is the id"
    );
    let t = b.get(&s, "/4DACTION/sess").text();
    assert_eq!(t, format!("2 True False {}", id));
    // another client: another session
    let mut c = Browser::new(COOKIE);
    let t = c.get(&s, "/4DACTION/sess").text();
    assert!(t.starts_with("1 True False ") && !t.ends_with(&id), "{}", t);
    // WEB SET ROOT FOLDER in On Startup
    assert_eq!(b.get(&s, "/").text(), "<p>alt root</p>");
}
