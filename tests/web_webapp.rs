//! The demo project `scripts/webapp/`: login, cart in session variables, logout with
//! `WEB LEGACY CLOSE SESSION`, the cart saved by the close method and restored.

mod webutil;

use fourd::web::serve::{serve, ServeOptions};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn shop_keeps_the_cart_across_sessions() {
    let dir = webutil::temp_copy("scripts/webapp");
    let (ready_tx, ready_rx) = mpsc::channel();
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let opts = ServeOptions {
        dir: dir.clone(),
        port: Some(0),
        clock_scale: 1.0,
        listen: Some("127.0.0.1".into()),
        ..Default::default()
    };
    let t = std::thread::spawn(move || {
        serve(
            &opts,
            move |a, _| ready_tx.send(a).unwrap(),
            move || {
                let _ = stop_rx.recv_timeout(Duration::from_secs(60));
            },
        )
    });
    let addr = ready_rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let get = |path: &str, cookie: &Option<String>, body: Option<&str>| {
        let mut h = Vec::new();
        if let Some(c) = cookie {
            h.push(("Cookie".to_string(), format!("4DSID_webapp={}", c)));
        }
        let (m, b) = match body {
            Some(b) => {
                h.push((
                    "Content-Type".to_string(),
                    "application/x-www-form-urlencoded".to_string(),
                ));
                ("POST", b.as_bytes())
            }
            None => ("GET", &b""[..]),
        };
        let r = fourd::web::client::once(
            m,
            &format!("http://{}{}", addr, path),
            &h,
            b,
            &webutil::opts(),
            None,
        )
        .unwrap();
        let set = r
            .headers_named("set-cookie")
            .first()
            .and_then(|c| c.strip_prefix("4DSID_webapp="))
            .map(|c| c.split(';').next().unwrap().to_string());
        (r, set)
    };
    assert!(get("/", &None, None).0.text().contains("<form"));
    let (r, c) = get("/4DACTION/login", &None, Some("user=ada"));
    assert_eq!(r.status, 302);
    let c1 = c.clone();
    assert_eq!(r.header("location"), Some("/cart.shtml"));
    get("/4DACTION/add/apple", &c1, None);
    // the cart page's form posts an item
    let (r, _) = get("/4DACTION/add", &c1, Some("item=pear"));
    assert_eq!(r.header("location"), Some("/cart.shtml"));
    let page = get("/4DACTION/cart", &c1, None).0.text();
    assert!(
        page.contains("Hello ada") && page.contains("Cart (2): apple, pear"),
        "{}",
        page
    );
    // the page has tags: an included header, a loop over the cart, 4DIF on the login
    let page = get("/cart.shtml", &c1, None).0.text();
    assert!(
        page.contains("<h1><a href=\"/\">fourd shop</a></h1>"),
        "{}",
        page
    );
    assert!(
        page.contains("<li>apple</li>") && page.contains("<li>pear</li>"),
        "{}",
        page
    );
    assert!(!page.contains("<!--#4D"), "{}", page);
    let home = get("/", &c1, None).0.text();
    assert!(
        home.contains("your cart (2 items)") && !home.contains("<form"),
        "{}",
        home
    );
    // logout: the session is closed, the cart saved by the close method
    let (r, _) = get("/4DACTION/logout", &c1, None);
    assert_eq!(r.status, 302);
    // the old cookie: a new, empty session (not logged in)
    assert_eq!(
        get("/4DACTION/cart", &c1, None).0.header("location"),
        Some("/")
    );
    // next visit: the cart is restored
    let (_, c2) = get("/4DACTION/login", &None, Some("user=ada"));
    assert_ne!(c2, c1);
    let page = get("/4DACTION/cart", &c2, None).0.text();
    assert!(page.contains("Cart (2): apple, pear"), "{}", page);
    // another user has an empty cart
    let (_, c3) = get("/4DACTION/login", &None, Some("user=bob"));
    assert!(get("/4DACTION/cart", &c3, None)
        .0
        .text()
        .contains("Cart (0): "));
    // On Web Authentication: no adding without a user
    assert_eq!(get("/4DACTION/add/plum", &None, None).0.status, 403);
    // nothing the visitor sends is reflected unescaped
    let (r, _) = get("/%3Cscript%3Ealert(1)%3C/script%3E", &None, None);
    assert_eq!(r.status, 404);
    let nf = r.text();
    assert!(
        nf.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !nf.contains("<script>"),
        "{}",
        nf
    );
    let (_, c4) = get("/4DACTION/login", &None, Some("user=%3Cb%3Eeve%3C%2Fb%3E"));
    get(
        "/4DACTION/add",
        &c4,
        Some("item=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"),
    );
    let page = get("/cart.shtml", &c4, None).0.text();
    assert!(page.contains("Hello &lt;b&gt;eve&lt;/b&gt;"), "{}", page);
    assert!(
        page.contains("<li>&lt;img src=x onerror=alert(1)&gt;</li>") && !page.contains("<img"),
        "{}",
        page
    );
    stop_tx.send(()).unwrap();
    assert_eq!(t.join().unwrap(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}
