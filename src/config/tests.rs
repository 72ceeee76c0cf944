use clap::CommandFactory;

use super::*;

#[test]
fn help_does_not_show_the_database_password() {
    const PASSWORD: &str = "planted-Pa55word-in-the-url";
    // clap reads the variable when the command is built; remove it at once again.
    std::env::set_var(
        "DATABASE_URL",
        format!("postgres://mutual:{PASSWORD}@db:5432/mutual"),
    );
    let mut command = Cli::command();
    command.build();
    std::env::remove_var("DATABASE_URL");
    for help in [
        command.render_help().to_string(),
        command.render_long_help().to_string(),
    ] {
        assert!(help.contains("DATABASE_URL"), "{help}");
        assert!(!help.contains(PASSWORD), "{help}");
    }
}

/// A setting for every variable `Config` reads, each unlike its default.
const PLANTED: &[(&str, &str)] = &[
    ("DATABASE_URL", "postgres://planted@db:5432/planted"),
    ("MUTUAL_BIND", "0.0.0.0"),
    ("MUTUAL_PORT", "4321"),
    ("MUTUAL_PUBLIC_URL", "https://planted.example.org"),
    ("MUTUAL_HTTPS", "true"),
    ("MUTUAL_TRUST_PROXY", "true"),
    ("MUTUAL_AUTH_POSTS_PER_10_MIN", "3"),
    ("MUTUAL_SESSION_LIFETIME_HOURS", "5"),
    ("MUTUAL_SESSION_IDLE_HOURS", "4"),
    ("MUTUAL_REGISTRATION", "closed"),
    ("MUTUAL_THERAPISTS", "approved"),
    ("MUTUAL_ARGON2_MEMORY_KIB", "64"),
    ("MUTUAL_ARGON2_ITERATIONS", "1"),
    (
        "MUTUAL_DATA_KEY",
        "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
    ),
    ("MUTUAL_DATA_KEY_FILE", "/planted/key"),
];

#[test]
fn every_variable_config_reads_is_planted_below() {
    let command = Config::command();
    let mut read: Vec<_> = command
        .get_arguments()
        .filter_map(|a| a.get_env())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut planted: Vec<_> = PLANTED.iter().map(|(v, _)| v.to_string()).collect();
    read.sort();
    planted.sort();
    assert_eq!(read, planted);
}

/// A developer's exported `MUTUAL_*` variables must not reach the tests'
/// configuration. The environment is shared by every test of this binary, so the
/// variables are set only in a child process that runs this test again.
#[test]
fn the_tests_configuration_ignores_the_environment() {
    const CHILD: &str = "MUTUAL_CONFIG_TEST_CHILD";
    if std::env::var_os(CHILD).is_some() {
        let c = Config::with_database("sqlite:given.db");
        assert_eq!(c.database_url.expose_secret(), "sqlite:given.db");
        assert_eq!(c.bind, IpAddr::from([127, 0, 0, 1]));
        assert_eq!(c.port, 3000);
        assert_eq!(c.public_url, None);
        assert!(!c.https);
        assert!(!c.trust_proxy);
        assert_eq!(c.auth_posts_per_10_min, 20);
        assert_eq!(c.session_lifetime_hours, 720);
        assert_eq!(c.session_idle_hours, 336);
        assert_eq!(c.registration, Registration::Open);
        assert_eq!(c.therapists, TherapistSignup::Open);
        assert_eq!(c.argon2_memory_kib, 19456);
        assert_eq!(c.argon2_iterations, 2);
        assert!(c.data_key.is_none());
        assert_eq!(c.data_key_file, None);
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "config::tests::the_tests_configuration_ignores_the_environment",
            "--exact",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .envs(PLANTED.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn debug_shows_neither_the_database_password_nor_the_data_key() {
    const PASSWORD: &str = "planted-Pa55word-in-the-url";
    const KEY: &str = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    let mut c = Config::with_database(format!("postgres://mutual:{PASSWORD}@db/mutual"));
    c.data_key = Some(KEY.into());
    let shown = format!("{c:?}");
    assert!(shown.contains("data_key"), "{shown}");
    assert!(!shown.contains(PASSWORD) && !shown.contains(KEY), "{shown}");
    assert!(Config::parse_from(["mutual", "--data-key", KEY])
        .data_key()
        .is_ok());
}

#[test]
fn anyone_may_be_a_therapist_unless_the_operator_says_approved() {
    assert_eq!(
        Config::parse_from(["mutual"]).therapists,
        TherapistSignup::Open
    );
    assert_eq!(
        Config::parse_from(["mutual", "--therapists", "approved"]).therapists,
        TherapistSignup::Approved
    );
    assert!(Config::try_parse_from(["mutual", "--therapists", "maybe"]).is_err());
    let cli = Cli::parse_from(["mutual", "admin", "approve-therapist", "t@example.org"]);
    assert_eq!(
        cli.command,
        Some(Command::Admin {
            command: AdminCommand::ApproveTherapist {
                email: "t@example.org".into()
            }
        })
    );
}
