//! Tagged pages over real HTTP: `.shtml` pages processed by the tag processor (an
//! include and a loop), `.html` pages sent as they are, `WEB SEND FILE` with a leading
//! `/`, a `Webfolder` folder and file names matched ignoring case, and an
//! `On Web Authentication` that never assigns `$0` (accepted, as the docs say).

mod webutil;

use webutil::{Browser, Server};

const COOKIE: &str = "4DSID_webtest";

const PAGE: &str = "<html><body><!--#4DINCLUDE Inc/Head.html-->\
<!--#4DCODE\nARRAY TEXT(tItems;0)\nAPPEND TO ARRAY(tItems;\"a<b\")\nAPPEND TO ARRAY(tItems;\"c\")\nC_LONGINT(vVisits)\nvVisits:=vVisits+1\n-->\
<ul><!--#4DLOOP tItems--><li><!--#4DTEXT tItems{tItems}--></li><!--#4DENDLOOP--></ul>\
visits $4DTEXT(vVisits)</body></html>";

fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("WebFolder/Pages/Shop.shtml", PAGE),
        ("WebFolder/Pages/Inc/Head.html", "<html><head></head><body><h1>Shop <!--#4DTEXT \"&\"--></h1></body></html>"),
        ("WebFolder/raw.html", "<p><!--#4DTEXT 1+1--></p>"),
        ("WebFolder/adm/page.html", "<p>adm <!--#4DTEXT 2+2--></p>"),
        (
            "Project/Sources/Methods/sendadm.4dm",
            "//%attributes = {\"publishedWeb\":true}\nWEB SEND FILE(\"/adm/PAGE.html\")\n",
        ),
        (
            "Project/Sources/Methods/sendtext.4dm",
            "//%attributes = {\"publishedWeb\":true}\nWEB SEND TEXT(\"<i>$4DTEXT(\\\"<\\\"+\\\"x\\\")</i>\")\n",
        ),
    ]
}

#[test]
fn shtml_page_with_include_and_loop() {
    let s = Server::start_with(&files(), 1.0);
    let mut b = Browser::new(COOKIE);
    let r = b.get(&s, "/pages/shop.SHTML");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let t = r.text();
    assert!(t.contains("<h1>Shop &amp;</h1>"), "{}", t);
    assert!(t.contains("<ul><li>a&lt;b</li><li>c</li></ul>"), "{}", t);
    assert!(t.contains("visits 1"), "{}", t);
    // the page runs in the session's process: its variables persist
    let t = b.get(&s, "/Pages/Shop.shtml").text();
    assert!(t.contains("visits 2"), "{}", t);
    // .html pages asked for by URL are sent as they are
    let r = b.get(&s, "/RAW.HTML");
    assert_eq!(
        (r.status, r.text()),
        (200, "<p><!--#4DTEXT 1+1--></p>".to_string())
    );
    // WEB SEND FILE("/adm/PAGE.html"): the web folder, not the file system root; tags processed
    let r = b.get(&s, "/4DACTION/sendadm");
    assert_eq!((r.status, r.text()), (200, "<p>adm 4</p>".to_string()));
    // WEB SEND TEXT of HTML processes tags
    let r = b.get(&s, "/4DACTION/sendtext");
    assert_eq!(r.text(), "<i>&lt;x</i>");
}

#[test]
fn mixed_case_web_folder_and_unassigned_authentication_result() {
    let mut s = Server::start_with(
        &[(
            "Project/Sources/DatabaseMethods/onWebAuthentication.4dm",
            "C_BOOLEAN($0)\nC_TEXT($1)\n",
        )],
        1.0,
    );
    // rename WebFolder -> Webfolder with a mixed-case file, then restart on it
    let dir = s.dir.clone();
    s.stop();
    std::fs::rename(dir.join("WebFolder"), dir.join("Webfolder")).unwrap();
    std::fs::rename(
        dir.join("Webfolder/index.html"),
        dir.join("Webfolder/Index.HTML"),
    )
    .unwrap();
    let s2 = Server::start_dir(&dir, 1.0);
    let mut b = Browser::new(COOKIE);
    let r = b.get(&s2, "/index.html");
    assert_eq!((r.status, r.text()), (200, "<h1>home</h1>\n".to_string()));
    let r = b.get(&s2, "/");
    assert_eq!(r.status, 200);
    assert_eq!(b.get(&s2, "/SUB/STYLE.CSS").status, 200);
    // $0 declared but never assigned: the request is accepted (docs' WARNING)
    let r = b.get(&s2, "/private/x");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(b.get(&s2, "/4DACTION/count").status, 200);
}
