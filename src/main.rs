//! The thin binary: parse arguments (in the command line's language), run,
//! map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use wudang_plan::cli;
use wudang_plan::cli::help::{self, Parsed};

fn main() -> ExitCode {
    // The command line's language decides clap's help and errors too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match help::parse(&args, std::env::var_os(help::LANG_VAR).as_deref()) {
        Parsed::Run(cli) => cli,
        Parsed::Clap(e) => e.exit(),
        Parsed::Print(page) => return page.print(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli::run(&cli, &mut out) {
        Ok(()) => match out.flush() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            // The terminal hung up under the full-screen UI: nobody to tell.
            Err(_) if wudang_plan::tty::input_hung_up() => ExitCode::SUCCESS,
            Err(e) => {
                let e = cli::CliError::Io(e).line(cli.lang.into());
                let _ = writeln!(std::io::stderr(), "{e}");
                ExitCode::from(1)
            }
        },
        Err(cli::CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Errors quote ledger and plan text: control characters are
            // shown as `\x1b`, never sent to the terminal.
            let line = e.line(cli.lang.into());
            let msg = wudang_plan::text::visible_lines(&line).into_owned();
            let _ = writeln!(std::io::stderr(), "{msg}");
            ExitCode::from(e.exit_code())
        }
    }
}
