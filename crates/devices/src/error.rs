//! What can go wrong with a device, in words an agent can act on.

/// An audio device could not be listed, opened or kept running.
///
/// The `Display` text is meant for the agent (shown in the call popup or the
/// settings); the variant is meant for the app's logic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceError {
    #[error("No microphone was found. Plug in a microphone or headset, or choose one in Settings.")]
    NoInputDevice,
    #[error("No speaker or headset was found. Plug one in, or choose one in Settings.")]
    NoOutputDevice,
    #[error("The audio device \"{0}\" is not connected. Choose another one in Settings.")]
    NotFound(String),
    #[error(
        "The audio device \"{0}\" is busy: another application is using it. Close that application and try again."
    )]
    Busy(String),
    #[error(
        "The audio device \"{name}\" is not available right now. Check that it is plugged in and switched on, or choose another one in Settings. ({detail})"
    )]
    Unavailable { name: String, detail: String },
    #[error(
        "Switchboard is not allowed to use the audio device \"{0}\". Allow it in your system's privacy or sound settings."
    )]
    PermissionDenied(String),
    #[error(
        "The audio device \"{name}\" uses a format Switchboard cannot play or record ({detail}). Choose another device in Settings."
    )]
    UnsupportedFormat { name: String, detail: String },
    #[error("The sound system failed ({0}). Check your sound settings, or restart Switchboard.")]
    Failed(String),
}

impl DeviceError {
    /// Maps a cpal error on the device `name` to the agent's words.
    pub(crate) fn from_cpal(name: &str, error: &cpal::Error) -> Self {
        use cpal::ErrorKind as K;
        let name = name.to_string();
        match error.kind() {
            K::DeviceBusy => Self::Busy(name),
            K::PermissionDenied => Self::PermissionDenied(name),
            K::UnsupportedConfig => Self::UnsupportedFormat {
                name,
                detail: error.to_string(),
            },
            K::DeviceNotAvailable | K::HostUnavailable | K::StreamInvalidated => {
                Self::Unavailable {
                    name,
                    detail: error.to_string(),
                }
            }
            _ => Self::Failed(format!("{name}: {error}")),
        }
    }
}
