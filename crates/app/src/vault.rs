//! Where the agent's token is kept: the OS keyring, never the local store,
//! a file or a log. The Secret Service (GNOME Keyring, KWallet) where one
//! runs; else the kernel's keyutils store, which needs no daemon (headless
//! machines, CI; it lasts until reboot, then the agent signs in again).
//! When neither works, signing in fails with a clear error instead of
//! keeping the token anywhere else.

use std::sync::Mutex;

use keyring::credential::CredentialApi;
use keyring::{keyutils::KeyutilsCredential, secret_service::SsCredential};

/// The keyring's service name for Switchboard's tokens.
const SERVICE: &str = "org.switchboard.desktop";

/// Why the token could not be kept or read.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// No keyring works here.
    #[error(
        "no keyring can keep the token: the Secret Service is not available ({secret_service}) and the kernel keyring refused ({keyutils})"
    )]
    Unavailable {
        secret_service: String,
        keyutils: String,
    },
    /// The keyring failed.
    #[error("the {store} failed: {detail}")]
    Failed { store: &'static str, detail: String },
}

/// A place for tokens, one per account (the hub and the app's profile).
pub trait TokenVault: Send + Sync {
    /// Where tokens go, in words ("Secret Service", "kernel keyring").
    fn describe(&self) -> Result<&'static str, VaultError>;
    fn put(&self, account: &str, token: &str) -> Result<(), VaultError>;
    fn get(&self, account: &str) -> Result<Option<String>, VaultError>;
    fn delete(&self, account: &str) -> Result<(), VaultError>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backend {
    SecretService,
    Keyutils,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::SecretService => "Secret Service",
            Backend::Keyutils => "kernel keyring",
        }
    }

    fn credential(self, account: &str) -> keyring::Result<Box<dyn CredentialApi + Send + Sync>> {
        Ok(match self {
            Backend::SecretService => {
                Box::new(SsCredential::new_with_target(None, SERVICE, account)?)
            }
            Backend::Keyutils => {
                Box::new(KeyutilsCredential::new_with_target(None, SERVICE, account)?)
            }
        })
    }

    /// Whether this store answers (an absent probe entry is an answer).
    fn probe(self) -> Result<(), String> {
        let probe = self.credential("probe").map_err(|e| e.to_string())?;
        match probe.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The OS keyring, chosen on first use. Call it off the async executor
/// (`spawn_blocking`): the Secret Service is spoken to synchronously.
#[derive(Debug, Default)]
pub struct KeyringVault {
    chosen: Mutex<Option<Backend>>,
}

impl KeyringVault {
    pub fn new() -> Self {
        Self::default()
    }

    fn backend(&self) -> Result<Backend, VaultError> {
        let mut chosen = self.chosen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = *chosen {
            return Ok(b);
        }
        let b = match Backend::SecretService.probe() {
            Ok(()) => Backend::SecretService,
            Err(secret_service) => match Backend::Keyutils.probe() {
                Ok(()) => {
                    tracing::info!(%secret_service, "no Secret Service: tokens go to the kernel keyring");
                    Backend::Keyutils
                }
                Err(keyutils) => {
                    return Err(VaultError::Unavailable {
                        secret_service,
                        keyutils,
                    });
                }
            },
        };
        *chosen = Some(b);
        Ok(b)
    }

    fn with<T>(
        &self,
        account: &str,
        f: impl FnOnce(&dyn CredentialApi) -> keyring::Result<T>,
    ) -> Result<T, VaultError> {
        let b = self.backend()?;
        let failed = |e: keyring::Error| VaultError::Failed {
            store: b.name(),
            detail: e.to_string(),
        };
        let credential = b.credential(account).map_err(failed)?;
        f(credential.as_ref()).map_err(failed)
    }
}

impl TokenVault for KeyringVault {
    fn describe(&self) -> Result<&'static str, VaultError> {
        self.backend().map(Backend::name)
    }

    fn put(&self, account: &str, token: &str) -> Result<(), VaultError> {
        self.with(account, |c| c.set_password(token))
    }

    fn get(&self, account: &str) -> Result<Option<String>, VaultError> {
        self.with(account, |c| match c.get_password() {
            Ok(t) => Ok(Some(t)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
    }

    fn delete(&self, account: &str) -> Result<(), VaultError> {
        self.with(account, |c| match c.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e),
        })
    }
}

/// Tokens in memory, for tests (and nothing else: it forgets on exit).
#[derive(Debug, Default)]
pub struct MemoryVault {
    tokens: Mutex<std::collections::BTreeMap<String, String>>,
    /// When set, every call fails as a machine without a keyring does.
    pub unavailable: bool,
}

impl MemoryVault {
    /// A vault that fails as a machine without any keyring does.
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), VaultError> {
        if self.unavailable {
            return Err(VaultError::Unavailable {
                secret_service: "not running".into(),
                keyutils: "not permitted".into(),
            });
        }
        Ok(())
    }
}

impl TokenVault for MemoryVault {
    fn describe(&self) -> Result<&'static str, VaultError> {
        self.check().map(|()| "memory")
    }

    fn put(&self, account: &str, token: &str) -> Result<(), VaultError> {
        self.check()?;
        let mut t = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        t.insert(account.to_owned(), token.to_owned());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<String>, VaultError> {
        self.check()?;
        let t = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        Ok(t.get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<(), VaultError> {
        self.check()?;
        let mut t = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        t.remove(account);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On this machine (no Secret Service on CI) the token lands in the
    /// kernel keyring, and reads back, and goes away.
    #[test]
    fn the_os_keyring_keeps_reads_and_forgets_a_token() {
        let vault = KeyringVault::new();
        let account = format!("test-{}", std::process::id());
        assert!(vault.describe().is_ok(), "{:?}", vault.describe());
        vault.put(&account, "sbt_secret").unwrap();
        assert_eq!(vault.get(&account).unwrap().as_deref(), Some("sbt_secret"));
        vault.delete(&account).unwrap();
        assert_eq!(vault.get(&account).unwrap(), None);
        vault.delete(&account).unwrap();
    }

    #[test]
    fn an_unavailable_keyring_says_so() {
        let vault = MemoryVault::unavailable();
        let e = vault.put("a", "t").unwrap_err().to_string();
        assert!(e.contains("no keyring can keep the token"), "{e}");
    }
}
