//! Without a PulseAudio server the devices fall back to ALSA, and a machine
//! without a sound card (CI) gets the agent's words, never a panic.
//!
//! One test function: it points this process at a PulseAudio server that does
//! not exist before anything else runs.
#![allow(unsafe_code)]

use switchboard_devices::{DeviceError, Devices, RingTone};

#[test]
fn without_pulseaudio_alsa_is_used_and_failures_are_worded() {
    // SAFETY: this binary's only test sets it before any thread reads the environment.
    unsafe { std::env::set_var("PULSE_SERVER", "unix:/nonexistent/pulse/native") };

    let list = Devices::list().unwrap();
    assert_eq!(list.host, "ALSA", "{list:?}");

    let missing = Devices::open_input(Some("Headset That Is Not Here")).unwrap_err();
    assert_eq!(
        missing,
        DeviceError::NotFound("Headset That Is Not Here".into())
    );

    // With a sound card this opens; without one it must fail in words.
    match Devices::open(None, None) {
        Ok((microphone, speaker)) => println!("opened {microphone:?} and {speaker:?}"),
        Err(error) => {
            println!("no sound card: {error}");
            // A default device that is not there means no microphone, not a name the agent never chose.
            assert!(
                !matches!(
                    error,
                    DeviceError::NotFound(_) | DeviceError::Unavailable { .. }
                ),
                "{error:?}"
            );
        }
    }
    if let Err(error) = RingTone::start(None) {
        println!("no ring tone: {error}");
        assert!(
            !matches!(
                error,
                DeviceError::NotFound(_) | DeviceError::Unavailable { .. }
            ),
            "{error:?}"
        );
    }
}
