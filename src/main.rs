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
        #[cfg(feature = "bench")]
        Command::BenchSeed(args) => mutual::bench::seed(&cli.config, &args).await,
        #[cfg(feature = "bench")]
        Command::BenchTotp => {
            println!("{}", mutual::bench::totp_code()?);
            Ok(())
        }
        #[cfg(feature = "bench")]
        Command::BenchCreateDatabase => {
            mutual::bench::create_database(&cli.config.database_url).await
        }
        #[cfg(feature = "bench")]
        Command::BenchDropDatabase { name } => {
            mutual::bench::drop_database(&cli.config.database_url, &name).await
        }
    }
}
