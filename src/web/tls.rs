//! HTTPS (`Web HTTPS enabled`, `Web HTTPS port ID`): TLS by rustls (through
//! tokio-rustls, no OpenSSL), from `cert.pem` and `key.pem` as 4D keeps them: in
//! the project folder (the folder holding `Project/`), or else in `Project/`. The
//! certificate file may hold the chain; the key is PKCS#8, PKCS#1 (RSA) or SEC1
//! (EC). TLS 1.2 and 1.3; HTTP/1.1 (ALPN `http/1.1`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// Where the certificate and key of a project are looked for.
pub fn cert_paths(root: &Path) -> Option<(PathBuf, PathBuf)> {
    [root.to_path_buf(), root.join("Project")]
        .into_iter()
        .map(|d| (d.join("cert.pem"), d.join("key.pem")))
        .find(|(c, k)| c.is_file() && k.is_file())
}

/// The TLS configuration of a project's server.
pub fn acceptor(root: &Path) -> Result<tokio_rustls::TlsAcceptor, String> {
    let (cert, key) = cert_paths(root).ok_or_else(|| {
        format!(
            "HTTPS: no cert.pem and key.pem in {} (or its Project folder)",
            root.display()
        )
    })?;
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert)
        .map_err(|e| format!("HTTPS: {}: {}", cert.display(), e))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("HTTPS: {}: {}", cert.display(), e))?;
    if certs.is_empty() {
        return Err(format!("HTTPS: {} holds no certificate", cert.display()));
    }
    let key = PrivateKeyDer::from_pem_file(&key)
        .map_err(|e| format!("HTTPS: {}: {}", key.display(), e))?;
    // ring (no C toolchain beyond a compiler, no cmake); its provider is marked
    // deprecated only for lacking post-quantum key exchange
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("HTTPS: {}", e))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("HTTPS: {}", e))?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(cfg)))
}
