//! The app's settings: text by key (the hub's address, the language, …;
//! never a secret: tokens belong in the system's keyring).

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreResult};

impl Store {
    /// The value of a setting, `None` when it was never set.
    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> StoreResult<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Forgets a setting (it reads as never set).
    pub fn remove_setting(&mut self, key: &str) -> StoreResult<()> {
        self.conn
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn settings_are_set_replaced_and_removed() {
        let mut store = Store::in_memory().unwrap();
        assert_eq!(store.setting("hub_url").unwrap(), None);
        store
            .set_setting("hub_url", "http://127.0.0.1:8080")
            .unwrap();
        store.set_setting("language", "ja").unwrap();
        store.set_setting("hub_url", "https://hub.example").unwrap();
        assert_eq!(
            store.setting("hub_url").unwrap().as_deref(),
            Some("https://hub.example")
        );
        assert_eq!(store.setting("language").unwrap().as_deref(), Some("ja"));
        store.remove_setting("hub_url").unwrap();
        store.remove_setting("never_set").unwrap();
        assert_eq!(store.setting("hub_url").unwrap(), None);
    }
}
