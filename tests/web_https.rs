//! HTTPS: `Web HTTPS enabled` with `cert.pem`/`key.pem` in the project folder (a
//! self-signed certificate made by the test with rcgen), checked with
//! `curl --cacert`: the answer, the session cookie marked `Secure`, `WEB Is secured
//! connection`; plain HTTP redirected to HTTPS when HSTS is on.

mod webutil;

use std::process::Command;
use webutil::Server;

fn curl(args: &[&str]) -> String {
    let out = Command::new("curl")
        .args(["-s", "-i", "--max-time", "20"])
        .args(args)
        .output()
        .expect("curl is needed by this test (apt-get install -y curl)");
    assert!(
        out.status.success(),
        "curl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn https_with_secure_session_cookie_and_redirect() {
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let dir = webutil::temp_copy("tests/web/app");
    std::fs::write(dir.join("cert.pem"), ck.cert.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), ck.signing_key.serialize_pem()).unwrap();
    std::fs::write(
        dir.join("Project/Sources/DatabaseMethods/onStartup.4dm"),
        "WEB SET OPTION(Web HTTPS enabled; 1)\nWEB SET OPTION(Web HTTPS port ID; 0)\nWEB SET OPTION(Web HSTS enabled; 1)\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("Project/Sources/Methods/sec.4dm"),
        "//%attributes = {\"publishedWeb\":true}\nWEB SEND TEXT(\"secured \"+String(WEB Is secured connection); \"text/plain\")\n",
    )
    .unwrap();
    let s = Server::start_dir(&dir, 1.0);
    let https =
        s.rt.extra
            .https_addr
            .lock()
            .unwrap()
            .expect("HTTPS listener");
    let ca = dir.join("cert.pem");
    let ca = ca.to_str().unwrap();
    let base = format!("https://localhost:{}", https.port());
    let resolve = format!("localhost:{}:127.0.0.1", https.port());
    let r = curl(&[
        "--cacert",
        ca,
        "--resolve",
        &resolve,
        &format!("{}/4DACTION/count", base),
    ]);
    assert!(r.starts_with("HTTP/1.1 200"), "{}", r);
    let cookie_line = r
        .lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with("set-cookie: 4dsid_webtest=")
        })
        .unwrap_or_else(|| panic!("no session cookie: {}", r));
    assert!(cookie_line.contains("; Secure"), "{}", cookie_line);
    assert!(
        r.to_ascii_lowercase()
            .contains("strict-transport-security: max-age="),
        "{}",
        r
    );
    let id = cookie_line
        .split_once('=')
        .unwrap()
        .1
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(r.trim_end().ends_with(&format!("1 {}", id)), "{}", r);
    // the same session over HTTPS
    let r = curl(&[
        "--cacert",
        ca,
        "--resolve",
        &resolve,
        "-H",
        &format!("Cookie: 4DSID_webtest={}", id),
        &format!("{}/4DACTION/count", base),
    ]);
    assert!(r.trim_end().ends_with(&format!("2 {}", id)), "{}", r);
    let r = curl(&[
        "--cacert",
        ca,
        "--resolve",
        &resolve,
        &format!("{}/4DACTION/sec", base),
    ]);
    assert!(r.trim_end().ends_with("secured True"), "{}", r);
    // an unknown CA is refused (the certificate really is the project's)
    let out = Command::new("curl")
        .args([
            "-s",
            "--max-time",
            "20",
            "--resolve",
            &resolve,
            &format!("{}/", base),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    // plain HTTP: redirected to HTTPS (HSTS on)
    let r = curl(&[&format!(
        "http://127.0.0.1:{}/4DACTION/sec?x=1",
        s.addr.port()
    )]);
    assert!(r.starts_with("HTTP/1.1 301"), "{}", r);
    assert!(
        r.contains(&format!(
            "https://127.0.0.1:{}/4DACTION/sec?x=1",
            https.port()
        )),
        "{}",
        r
    );
}
