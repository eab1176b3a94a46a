"""Services around the content and the station: the curator's proof sheet, the station config, content
installation and activation, logs and the watchdog, usage statistics, the instance lock. Pure Python."""
