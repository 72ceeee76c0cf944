//! What the app logs, kept in memory so a test can check what never appears there.

/// Everything every app instance in this test binary logs, at TRACE.
static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct LogWriter;

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn capture_logs() {
    // Everything the app and its libraries log at TRACE; only the test's own HTML parser
    // and HTTP client are left out, since they see what a browser sees.
    let filter = tracing_subscriber::EnvFilter::new(
        "trace,html5ever=off,selectors=off,scraper=off,markup5ever=off,reqwest=off,cookie_store=off",
    );
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(|| LogWriter)
        .try_init();
}

pub fn logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap()).into_owned()
}
