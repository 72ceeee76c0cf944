use clap::Parser;
use mutual::config::{Cli, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    mutual::app::init_tracing();
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = mutual::app::build(cli.config).await?;
            println!("Mutual is running at {}", app.url());
            app.serve(mutual::app::shutdown_signal()).await
        }
        Command::Migrate => mutual::app::migrate_only(&cli.config).await,
        Command::Healthcheck => mutual::app::healthcheck(cli.config.port).await,
        Command::NewDataKey => {
            println!("{}", mutual::crypto::DataKey::generate());
            Ok(())
        }
        Command::RotateKey { new_key_file } => {
            let (done, key_id) = mutual::app::rotate_key(&cli.config, &new_key_file).await?;
            println!(
                "Re-encrypted {} answers, {} notes and {} prompts with key {key_id}. \
                 Start Mutual with the new key.",
                done.answers, done.notes, done.prompts
            );
            Ok(())
        }
    }
}
