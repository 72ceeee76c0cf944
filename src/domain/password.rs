//! Password hashing with argon2id, off the async runtime and bounded.
//!
//! Each hash costs ~19 MiB and ~20 ms with the OWASP parameters. A semaphore of
//! max(1, cores - 1) permits keeps a login flood from starving page requests or growing
//! memory without bound; the permit is acquired before the work is handed to the blocking
//! pool and moves *into* the blocking closure, so a request that is dropped mid-way still
//! holds it until its hash finishes (a flood of abandoned requests cannot start extra
//! hashes). The argon2 memory blocks are reused: one buffer per permit, kept in a pool.
//! Allocating ~19 MiB per hash on whichever blocking thread ran it left a copy in each
//! thread's malloc arena, and a flooded process grew to gigabytes.
//!
//! The hashing threads run at a lower CPU priority (nice 10) than the rest of the
//! server: with page requests waiting, the scheduler gives them the cores first, so a
//! sign-in flood slows sign-ins rather than every page (measured in BENCHMARKS.md). An
//! idle machine still gives a hash the whole core.
//!
//! Hashes are standard PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), the same as
//! the argon2 crate's own `PasswordHasher` writes and reads; only where the working memory
//! comes from differs.

use std::sync::{Arc, Mutex, OnceLock};

use anyhow::Context;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

/// Hashes and verifies passwords. Cheap to clone.
#[derive(Clone)]
pub struct PasswordHashing {
    params: Params,
    permits: Arc<Semaphore>,
    blocks: Arc<BlockPool>,
    /// A real hash of a random password: verifying an unknown email against it costs the
    /// same time as a real check, so timing does not tell which emails have accounts.
    /// Made on a thread of its own at start-up, so starting does not wait ~20 ms for it.
    dummy_hash: Arc<OnceLock<Result<Arc<str>, String>>>,
}

/// Working memory for argon2, reused from hash to hash. At most one buffer per permit
/// exists, because a buffer is only taken while a permit is held.
struct BlockPool {
    /// Blocks per buffer: what the configured parameters need.
    blocks: usize,
    free: Mutex<Vec<Vec<Block>>>,
}

impl BlockPool {
    fn take(&self) -> Vec<Block> {
        let reused = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        reused.unwrap_or_else(|| vec![Block::new(); self.blocks])
    }

    fn give_back(&self, buffer: Vec<Block>) {
        self.free
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(buffer);
    }
}

impl PasswordHashing {
    /// `memory_kib` and `iterations` are argon2id's m and t; OWASP recommends 19456 and 2.
    pub fn new(memory_kib: u32, iterations: u32) -> anyhow::Result<Self> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let permits = Arc::new(Semaphore::new(cores.saturating_sub(1).max(1)));
        let blocks = Arc::new(BlockPool {
            blocks: params.block_count(),
            free: Mutex::new(Vec::new()),
        });
        let dummy_hash = Arc::new(OnceLock::new());
        let (dummy, p) = (dummy_hash.clone(), params.clone());
        // Its memory is its own and freed at once: a server nobody signs in to keeps no
        // argon2 buffer. A verify that needs it sooner waits for it (or makes it).
        std::thread::Builder::new()
            .name("dummy-hash".into())
            .spawn(move || {
                dummy.get_or_init(|| {
                    let mut memory = vec![Block::new(); p.block_count()];
                    make_dummy(&p, &mut memory)
                });
            })
            .context("start the dummy-hash thread")?;
        Ok(Self {
            params,
            permits,
            blocks,
            dummy_hash,
        })
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let permit = self.permits.clone().acquire_owned().await?;
        let params = self.params.clone();
        let password = password.to_owned();
        let pool = self.blocks.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            yield_to_pages();
            let mut memory = pool.take();
            let out = hash_with(&params, &password, &mut memory);
            pool.give_back(memory);
            out
        })
        .await
        .context("password hashing task")?
    }

    /// Verifies `password` against `stored`, or against the dummy hash when there is no
    /// stored hash (unknown email). Returns false in that case whatever was typed.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> anyhow::Result<bool> {
        let permit = self.permits.clone().acquire_owned().await?;
        let known = stored.is_some();
        let stored = stored.map(str::to_owned);
        let password = password.to_owned();
        let (pool, dummy, params) = (
            self.blocks.clone(),
            self.dummy_hash.clone(),
            self.params.clone(),
        );
        let ok = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            yield_to_pages();
            let mut memory = pool.take();
            let out = match &stored {
                Some(hash) => verify_with(hash, &password, &mut memory),
                None => match dummy.get_or_init(|| make_dummy(&params, &mut memory)) {
                    Ok(hash) => verify_with(hash, &password, &mut memory),
                    Err(e) => Err(anyhow::anyhow!("dummy hash: {e}")),
                },
            };
            pool.give_back(memory);
            out
        })
        .await
        .context("password verification task")??;
        Ok(ok && known)
    }
}

/// How much lower than page requests hashing threads run (nice values go 0 to 19).
#[cfg(target_os = "linux")]
const HASHING_NICE: libc::c_int = 10;

/// Lowers the calling thread's CPU priority to [`HASHING_NICE`], once per thread. Only
/// hashing runs on tokio's blocking threads here; a blocking thread lives on lowered
/// until tokio retires it after it has been idle.
fn yield_to_pages() {
    #[cfg(target_os = "linux")]
    {
        thread_local!(static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        if !LOWERED.replace(true) {
            // SAFETY: setpriority only changes a scheduling value. On Linux, PRIO_PROCESS
            // with id 0 names the calling thread alone (each thread has its own nice
            // value), so the rest of the server keeps its priority. Raising one's own
            // nice value needs no privilege; a failure leaves the priority as it was.
            unsafe {
                libc::setpriority(libc::PRIO_PROCESS, 0, HASHING_NICE);
            }
        }
    }
}

fn make_dummy(params: &Params, memory: &mut [Block]) -> Result<Arc<str>, String> {
    hash_with(params, &crate::domain::random_token(16), memory)
        .map(Into::into)
        .map_err(|e| e.to_string())
}

/// An argon2id PHC string for `password` with a fresh salt, computed in `memory`.
fn hash_with(params: &Params, password: &str, memory: &mut [Block]) -> anyhow::Result<String> {
    let salt_bytes = crate::domain::random_bytes::<16>();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    argon
        .hash_password_into_with_memory(password.as_bytes(), &salt_bytes, &mut out, memory)
        .map_err(|e| anyhow::anyhow!("hash password: {e}"))?;
    // Exactly the fields argon2's own `hash_password` writes.
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(params).map_err(|e| anyhow::anyhow!("params: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("output: {e}"))?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `stored`, as argon2's `verify_password`
/// decides it: the algorithm, version and parameters come from the stored hash (so
/// raising them later keeps old passwords working). An unreadable stored hash is an
/// error; a hash that cannot be recomputed simply does not match.
fn verify_with(stored: &str, password: &str, memory: &mut [Block]) -> anyhow::Result<bool> {
    let parsed = PasswordHash::new(stored).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
    Ok(recompute_matches(&parsed, password, memory).unwrap_or(false))
}

fn recompute_matches(
    parsed: &PasswordHash<'_>,
    password: &str,
    memory: &mut [Block],
) -> Option<bool> {
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(parsed).ok()?;
    let (salt, expected) = (parsed.salt?, parsed.hash?);
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf).ok()?;
    let argon = Argon2::new(algorithm, version, params.clone());
    let mut out = vec![0u8; expected.len()];
    let needed = params.block_count();
    let result = if memory.len() >= needed {
        argon.hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            &mut out,
            &mut memory[..needed],
        )
    } else {
        // A hash made with more memory than configured now (the setting was lowered):
        // it needs a buffer of its own, freed afterwards.
        let mut bigger = vec![Block::new(); needed];
        argon.hash_password_into_with_memory(password.as_bytes(), salt_bytes, &mut out, &mut bigger)
    };
    result.ok()?;
    // `Output`'s equality is constant-time.
    Some(Output::new(&out).ok()? == expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    /// Nice values of this process's threads, from /proc (field 19 of each task's stat).
    #[cfg(target_os = "linux")]
    fn thread_nice_values() -> Vec<i64> {
        std::fs::read_dir("/proc/self/task")
            .unwrap()
            .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("stat")).ok())
            .filter_map(|stat| {
                // The name (field 2) may hold spaces; fields after its ')' are plain.
                let rest = &stat[stat.rfind(')')? + 2..];
                rest.split(' ').nth(16)?.parse().ok()
            })
            .collect()
    }

    #[cfg(target_os = "linux")]
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn hashing_runs_below_the_priority_of_pages() {
        let h = PasswordHashing::new(64, 1).unwrap();
        h.hash("correct horse").await.unwrap();
        let after = thread_nice_values();
        assert!(
            after.contains(&10),
            "a hashing thread at nice 10: {after:?}"
        );
        assert!(
            after.contains(&0),
            "the runtime's own threads keep theirs: {after:?}"
        );
    }

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let h = PasswordHashing::new(64, 1).unwrap();
        let stored = h.hash("correct horse").await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
        assert!(h.verify("correct horse", Some(&stored)).await.unwrap());
        assert!(!h.verify("wrong horse", Some(&stored)).await.unwrap());
        assert!(!h.verify("correct horse", None).await.unwrap());
    }

    #[tokio::test]
    async fn hashes_made_here_and_by_the_plain_argon2_api_verify_both_ways() {
        let h = PasswordHashing::new(256, 2).unwrap();
        // Ours, checked by argon2's own verifier.
        let ours = h.hash("quiet orchard lamp").await.unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default()
            .verify_password(b"quiet orchard lamp", &parsed)
            .is_ok());
        assert!(Argon2::default()
            .verify_password(b"quiet orchard lump", &parsed)
            .is_err());
        // argon2's own, as stored before memory reuse (and by older versions of Mutual),
        // checked by ours — including one made with more memory than configured now.
        for (m, t) in [(256, 2), (1024, 1), (64, 3)] {
            let argon = Argon2::new(
                Algorithm::Argon2id,
                Version::V0x13,
                Params::new(m, t, 1, None).unwrap(),
            );
            let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap();
            let theirs = argon
                .hash_password(b"quiet orchard lamp", &salt)
                .unwrap()
                .to_string();
            assert!(h.verify("quiet orchard lamp", Some(&theirs)).await.unwrap());
            assert!(!h.verify("quiet orchard lump", Some(&theirs)).await.unwrap());
        }
        // The same salt and password give the same string both ways.
        let params = Params::new(256, 2, 1, None).unwrap();
        let mut memory = vec![Block::new(); params.block_count()];
        let ours = hash_with(&params, "quiet orchard lamp", &mut memory).unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        let theirs = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"quiet orchard lamp", parsed.salt.unwrap())
            .unwrap()
            .to_string();
        assert_eq!(ours, theirs);
    }

    #[tokio::test]
    async fn an_unreadable_stored_hash_is_an_error_not_a_match() {
        let h = PasswordHashing::new(64, 1).unwrap();
        assert!(h.verify("x", Some("not a hash")).await.is_err());
    }

    #[tokio::test]
    async fn buffers_are_reused_one_per_permit() {
        let h = PasswordHashing::new(64, 1).unwrap();
        for _ in 0..4 {
            h.hash("correct horse").await.unwrap();
        }
        let kept = h.blocks.free.lock().unwrap().len();
        assert_eq!(kept, 1, "one buffer, taken and given back each time");
    }
}
